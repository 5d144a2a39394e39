"""Direct quotes: where an article reproduces someone's own words, found from the quote marks.

Why character level first: the marks, not the parser, settle what is quoted. spaCy splits
sentences inside quotes and attaches stray marks to the wrong token, so the quoted stretches
are found here by pairing marks paragraph by paragraph; the parse is used afterwards only to
find who is speaking (``speakers.py``).

Rules kept general on purpose (hidden articles use other outlets' conventions):
- curly ``“ ”`` and straight ``"`` double quotes; a straight mark opens or closes by its
  neighbours (space before = opens, space or punctuation after = closes), else by alternation;
- a quote left open at the end of a paragraph continues when the next paragraph opens with a
  mark (the multi-paragraph convention); otherwise it is recovered up to the paragraph end;
- a closing mark with no opener is recovered back to the start of its sentence;
- single quotes (``‘ ’`` or ``'``) count in headline-like lines, or in articles that use no
  double quotes at all (the British style); elsewhere they are nested quotes or scare quotes;
  an apostrophe (a mark between two letters, as in Pakistan’s) is never a quote mark;
- one or two words quoted in mid-sentence are scare quotes, not a speaker's words: dropped, unless
  a reporting verb takes them as its complement ("called it “long overdue”", "said it was “a
  disgrace”"): then they are a partial quote;
- a quote that starts mid-sentence (its words woven into reported speech) is ``partial``.
"""
from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Optional, Sequence

from auditor import vocab
from auditor.read import segment
from auditor.model import Quote

log = logging.getLogger(__name__)

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
DOUBLE_EITHER = '"'
SINGLE_OPEN = "‘‚‹"
SINGLE_CLOSE = "’›"
SINGLE_EITHER = "'"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_EITHER + SINGLE_OPEN + SINGLE_CLOSE + SINGLE_EITHER

_OPEN_BEFORE = set("([{—–-/\u00a0") | set(ALL_MARKS)  # characters after which a mark opens
_CLOSE_AFTER = set(",.;:!?)]}—–-…") | set(ALL_MARKS)  # characters before which a mark closes
_DOUBLE_MARK = re.compile("[" + re.escape(DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_EITHER) + "]")
_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*", re.U)
_TERMINAL = ".!?…"
MAX_SCARE_WORDS = 2  # "khawarij", "Indian-backed militants": a term, not a statement
MAX_HEADLINE_WORDS = 25


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted stretch of text: offsets of the words inside the marks (marks excluded)."""

    start: int
    end: int
    open_mark: Optional[int]  # offset of the opening mark; None when it was missing
    close_mark: Optional[int]  # offset of the closing mark; None when the quote ran on
    style: str = "double"  # double | single
    partial: bool = False
    headline: bool = False
    continued: bool = False  # this piece continues the previous quote after a paragraph break
    continues: bool = False  # the next quote piece carries this one on
    truncated: bool = False  # a mark was missing; recovered as well as possible
    label_start: Optional[int] = None  # a transcript turn: the speaker label before the words
    label_end: Optional[int] = None
    introduced_by: Optional[int] = None  # a block statement: offset of the verb that introduced it

    @property
    def outer_start(self) -> int:
        return self.open_mark if self.open_mark is not None else self.start

    @property
    def outer_end(self) -> int:
        return self.close_mark + 1 if self.close_mark is not None else self.end


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _neighbours(text: str, i: int, lo: int, hi: int) -> tuple[str, str]:
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + 1] if i + 1 < hi else ""
    return prev, nxt


def _can_open(prev: str, nxt: str) -> bool:
    return (_is_space(prev) or prev in _OPEN_BEFORE) and not _is_space(nxt)


def _can_close(prev: str, nxt: str) -> bool:
    return not _is_space(prev) and (_is_space(nxt) or nxt in _CLOSE_AFTER)


def _glued_close(prev: str, nxt: str) -> bool:
    """A closing glyph after a quote's last stop, glued to the next word in lower case ("... my complete
    innocence,'the 70-year-old said"); before a capital it may open the next quote ("... Analytics.”This
    makes it harder"), and an opening glyph there opens one ("the chamber,“that’s a lie!”")."""
    return prev in ",.!?" and nxt.islower()


def _is_apostrophe(prev: str, nxt: str) -> bool:
    """A mark between two letters or digits (Pakistan’s, don't, rock’n’roll) is not a quote mark."""
    return prev.isalnum() and nxt.isalnum()


def _double_role(text: str, i: int, lo: int, hi: int) -> str:
    """open | close | either for a double mark, from its glyph and its neighbours."""
    ch = text[i]
    prev, nxt = _neighbours(text, i, lo, hi)
    can_open, can_close = _can_open(prev, nxt), _can_close(prev, nxt) or ch not in DOUBLE_OPEN and _glued_close(prev, nxt)
    if not can_open and not can_close and _is_space(prev) and _is_space(nxt):
        return "either"  # a mark spaced off on both sides ("recognised the ” huge negative energy”"): its glyph may be a slip
    if not can_open and not can_close and prev in ".!?" and nxt.isupper():
        # glued between a sentence's end and the next one's capital, the space lost: it opens a quote
        # when none is open ("Analytics.”This makes"), else closes it ("devastation.”Mahamad Shabuddin")
        return "either"
    if ch in DOUBLE_OPEN:
        return "close" if can_close and not can_open else "open"
    if ch in DOUBLE_CLOSE:
        return "open" if can_open and not can_close else "close"
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    return "either"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentence_start_before(text: str, lo: int, i: int) -> int:
    """Start of the sentence holding offset i, searching back no further than lo."""
    j = i - 1
    while j > lo:
        if text[j - 1] in _TERMINAL and text[j].isspace():
            return j
        j -= 1
    return lo


def _first_char(text: str, lo: int, hi: int) -> str:
    for k in range(lo, hi):
        if not text[k].isspace():
            return text[k]
    return ""


def _double_quotes(text: str, blocks: Sequence[tuple[int, int]]) -> list[QuoteSpan]:
    """Pair double marks paragraph by paragraph, recovering from missing marks."""
    out: list[QuoteSpan] = []
    carry: Optional[int] = None  # a quote left open by the previous paragraph, continued here
    for bi, (lo, hi) in enumerate(blocks):
        open_at: Optional[int] = None
        continued = False
        last_end = lo
        marks = [m.start() for m in _DOUBLE_MARK.finditer(text, lo, hi)]
        nested: set[int] = set()  # marks of a quote within a quote, set in the other glyph family
        for n, i in enumerate(marks):
            if i in nested:
                continue
            role = _double_role(text, i, lo, hi)
            if open_at is not None and role == "open" and _nests(text, marks, n, open_at, lo, hi):
                nested.add(marks[n + 1])
                continue
            if open_at is None:
                if role in ("open", "either"):
                    open_at = i
                    continued = carry is not None and n == 0 and not text[lo:i].strip()
                    if carry is not None and not continued:
                        carry = None
                    continue
                # a closing mark with nothing open: its opener was lost; take its sentence
                start = _sentence_start_before(text, last_end, i)
                s, e = _trim(text, start, i)
                if e > s:
                    log.debug("quote close without an opener at %d; recovered from %d", i, s)
                    out.append(QuoteSpan(s, e, None, i, truncated=True))
                last_end = i + 1
                continue
            if role in ("close", "either"):
                s, e = _trim(text, open_at + 1, i)
                if e > s:
                    out.append(QuoteSpan(s, e, open_at, i, continued=continued))
                open_at, continued, last_end = None, False, i + 1
                carry = None
            else:
                # a second opener while one is open: the first never closed
                s, e = _trim(text, open_at + 1, i)
                if e > s:
                    log.debug("quote opened at %d never closed; cut at %d", open_at, i)
                    out.append(QuoteSpan(s, e, open_at, None, continued=continued, truncated=True))
                open_at, continued = i, False
        if not marks and carry is not None and _crosshead(text, lo, hi):
            continue  # a subheading set inside a quote running over paragraphs: the quote goes on after it
        carry = None
        if open_at is not None:
            s, e = _trim(text, open_at + 1, hi)
            k = bi + 1
            while k < len(blocks) and _crosshead(text, *blocks[k]) and not _DOUBLE_MARK.search(text, *blocks[k]):
                k += 1
            nxt_block = blocks[k] if k < len(blocks) else None
            goes_on = nxt_block is not None and _first_char(text, *nxt_block) in DOUBLE_OPEN + DOUBLE_EITHER
            if e > s:
                if not goes_on:
                    log.debug("quote opened at %d runs to the paragraph end", open_at)
                out.append(QuoteSpan(s, e, open_at, None, continued=continued, continues=goes_on,
                                     truncated=not goes_on))
            carry = open_at if goes_on else None
    return out


def _family(ch: str) -> str:
    return "straight" if ch == DOUBLE_EITHER else "curly"


def _nests(text: str, marks: Sequence[int], n: int, open_at: int, lo: int, hi: int) -> bool:
    """Mark n opens a quote within the quote opened at `open_at`: it is of the other glyph family
    (“leaders” inside a "..." quote, "no" inside a “...” one), the next mark closes it in its own
    family, and a mark of the outer family comes later to close the outer quote."""
    fam = _family(text[marks[n]])
    if fam == _family(text[open_at]) or n + 1 >= len(marks):
        return False
    j = marks[n + 1]
    if _family(text[j]) != fam or _double_role(text, j, lo, hi) not in ("close", "either"):
        return False
    return any(_family(text[k]) != fam for k in marks[n + 2:])


def _crosshead(text: str, lo: int, hi: int) -> bool:
    """A short line without sentence punctuation at its end: a subheading between paragraphs."""
    line = text[lo:hi].strip()
    return bool(line) and "\n" not in line and word_count(line) <= 15 and line[-1] not in _TERMINAL + ",;:" \
        and line[-1] not in DOUBLE_CLOSE + DOUBLE_EITHER


def _single_quotes(text: str, lo: int, hi: int, open_tail: Optional[list] = None) -> list[QuoteSpan]:
    """Single-quoted stretches inside [lo, hi), apostrophes excepted. `open_tail`, when given,
    receives the offset of an opening mark left unclosed at the end of the paragraph."""
    out: list[QuoteSpan] = []
    open_at: Optional[int] = None
    for i in range(lo, hi):
        ch = text[i]
        if ch not in SINGLE_OPEN + SINGLE_CLOSE + SINGLE_EITHER:
            continue
        prev, nxt = _neighbours(text, i, lo, hi)
        if _is_apostrophe(prev, nxt):
            continue
        if open_at is None:
            if ch in SINGLE_OPEN + SINGLE_EITHER and _can_open(prev, nxt) and nxt.isalnum():
                open_at = i
        elif ch in SINGLE_CLOSE + SINGLE_EITHER and (_can_close(prev, nxt) or _glued_close(prev, nxt)):
            s, e = _trim(text, open_at + 1, i)
            if e > s:
                out.append(QuoteSpan(s, e, open_at, i, style="single"))
            open_at = None
    if open_at is not None and open_tail is not None:
        open_tail.append(open_at)
    return out  # an unclosed single mark is most likely an apostrophe ('90s): dropped


def _single_runs_on(text: str, blocks: Sequence[tuple[int, int]], bi: int, tail: list[int],
                    doubles: Sequence[QuoteSpan]) -> Optional[QuoteSpan]:
    """A single-quoted statement left open at the end of paragraph bi that the next paragraph carries
    on (it opens with a single mark: the multi-paragraph convention, in single marks): the piece up to
    the paragraph end, or None."""
    if not tail or bi + 1 >= len(blocks):
        return None
    lo, hi = blocks[bi]
    at = tail[0]
    if _inside(doubles, at) or _first_char(text, *blocks[bi + 1]) not in SINGLE_OPEN + SINGLE_EITHER:
        return None
    s, e = _trim(text, at + 1, hi)
    piece = QuoteSpan(s, e, at, None, style="single", continues=True)
    return piece if e > s and _single_statement(text, piece, lo) else None


MIN_SINGLE_STATEMENT_WORDS = 4  # 'Gold Bar Bob', 'Face the Nation': names; a statement says more


def _single_statement(text: str, q: QuoteSpan, lo: int) -> bool:
    """A single-quoted stretch that reads as someone's statement: it opens a sentence or follows an
    introducing colon or comma, starts with a capital, and runs to a clause."""
    if not _starts_statement(text, q, lo) or _is_title(text, q, lo):
        return False
    return word_count(text[q.start:q.end]) >= MIN_SINGLE_STATEMENT_WORDS or _whole_sentence(text, q)


def _whole_sentence(text: str, q: QuoteSpan) -> bool:
    """Quoted words that are a sentence of their own, not a name: the sentence ends right at the
    closing mark (‘It’s resilient’.) and the words are not all capitalised as a name's or title's are."""
    words = _WORD.findall(text[q.start:q.end])
    if len(words) < 2 or q.close_mark is None or all(w[0].isupper() for w in words):
        return False
    after = text[q.outer_end:q.outer_end + 1]
    return text[q.end - 1] in _TERMINAL or (after != "" and after in _TERMINAL)


def _headline_like(text: str, lo: int, hi: int) -> bool:
    """A short line with no sentence punctuation outside quotes: a headline or a pull quote."""
    line = text[lo:hi].strip()
    if "\n" in line or word_count(line) > MAX_HEADLINE_WORDS:
        return False
    core = line.rstrip(ALL_MARKS + " ")
    return not core or core[-1] not in _TERMINAL or _whole_line_quote(line)


def _whole_line_quote(line: str) -> bool:
    """The line is one quote and nothing else: ‘Aimed at halting Pakistan’s progress’."""
    if len(line) < 3 or line[0] not in SINGLE_OPEN + SINGLE_EITHER + DOUBLE_OPEN + DOUBLE_EITHER:
        return False
    if line[-1] not in SINGLE_CLOSE + SINGLE_EITHER + DOUBLE_CLOSE + DOUBLE_EITHER:
        return False
    inner = line[1:-1]
    for i, ch in enumerate(inner):
        if ch in ALL_MARKS:
            prev = inner[i - 1] if i > 0 else ""
            nxt = inner[i + 1] if i + 1 < len(inner) else ""
            if not _is_apostrophe(prev, nxt):
                return False
    return True


def _quoted_sentence(text: str, lo: int, hi: int) -> bool:
    """The paragraph is one quoted sentence: a whole-line quote ending in sentence punctuation."""
    line = text[lo:hi].strip()
    return _whole_line_quote(line) and len(line) > 2 and line[-2] in _TERMINAL


def _holds_quote(found: Iterable[QuoteSpan], block: tuple[int, int]) -> bool:
    return any(block[0] <= q.outer_start < block[1] and not q.headline for q in found)


def _inside(spans: Iterable[QuoteSpan], i: int) -> bool:
    return any(q.outer_start <= i < q.outer_end for q in spans)


def _starts_statement(text: str, q: QuoteSpan, lo: int) -> bool:
    """The quote opens a sentence, or follows an introducing comma or colon (said, “...)."""
    first = text[q.start]
    if not (first.isupper() or first.isdigit() or first in "[(…."):
        return False
    before = text[lo:q.outer_start].rstrip()
    if before and before[-1] in SINGLE_CLOSE + SINGLE_EITHER and before[-2:-1].isalpha() and not re.search(
            r"(?:^|\s)[" + SINGLE_OPEN + SINGLE_EITHER + r"]\w", before):
        return False  # "CBS’ “Face the Nation”": a possessive, not a closing quote mark
    return not before or before[-1] in _TERMINAL + ":,—–-" + ALL_MARKS


_MINOR_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "vs"})


def _is_title(text: str, q: QuoteSpan, lo: int) -> bool:
    """A title in quotes ("State of the Union", "Meet the Press") mid-sentence: a name, not speech."""
    piece = text[q.start:q.end].rstrip(",.;:")
    words = _WORD.findall(piece)
    if not words or len(words) > 6 or piece[-1:] in _TERMINAL:
        return False
    if _starts_statement(text, q, lo) and not _in_apposition(text, q, lo):
        return False
    return all(w[0].isupper() or w.lower() in _MINOR_WORDS or w[0].isdigit() for w in words) and words[0][0].isupper()


def _in_apposition(text: str, q: QuoteSpan, lo: int) -> bool:
    """The quote is set off by a comma after a noun, not after a verb of speech: "The book, “A
    Promised Land,” sold millions" names the book; "Trump said, “Make America Great Again”" speaks."""
    before = text[lo:q.outer_start].rstrip()
    if not before.endswith(","):
        return False
    last = re.findall(r"[^\W\d_][\w’'-]*", before[-40:])
    return bool(last) and not re.fullmatch(_SAID + r"|asked|replied|responded|continued|added|posted|tweeted|wrote|"
                                            r"saying|adding|writing|asking|declaring|stating|telling\b.*", last[-1].lower())


_NAMING = re.compile(r"(?i)\b(?:so-called|so called|dubbed|nicknamed|code-?named)\s*$")
# A reporting verb whose complement is the quoted words themselves: "called it “long overdue”",
# "described the plan as “reckless”", "said the vote was “a disgrace”". Two quoted words after such
# a verb are the speaker's words (a partial quote), not a term held at arm's length.
_CALLED = r"(?:call|describ|term|brand|label|deem|dismiss|hail|denounc|decri|characteriz|characteris)\w*"
_SAID = r"(?:said|says|say|saying|told|tells|wrote|writes|added|warned|insisted|argued|declared|predicted)"
_REPORTED_WORDS = re.compile(
    r"(?i)\b(?:" + _CALLED + r"(?:\s+(?!as\b)[\w’'-]+){0,3}(?:\s+as)?"
    r"|" + _SAID + r"(?:\s+(?:that\s+)?(?:it|this|that|they|he|she|we|the\s+[\w’'-]+|his\s+[\w’'-]+|her\s+[\w’'-]+|their\s+[\w’'-]+))"
    r"(?:\s+(?:was|were|is|are|would\s+be|will\s+be|had\s+been|has\s+been|remains?|seemed|looked|felt))"
    r"(?:\s+(?:not|a|an|the|simply|just|very|still|now|clearly))*"
    r")\s*$")


def _is_scare(text: str, q: QuoteSpan, lo: int) -> bool:
    """One or two words quoted inside a sentence, or a name after "so-called": a term held at
    arm's length, not a statement."""
    if _NAMING.search(text[max(lo, q.outer_start - 20):q.outer_start]):
        return True
    if word_count(text[q.start:q.end]) > MAX_SCARE_WORDS:
        return False
    # a quote with its own closing punctuation, or one that is a whole sentence (‘It’s resilient’.)
    stands_alone = _starts_statement(text, q, lo) and (text[q.end - 1] in _TERMINAL + ",;:" or _whole_sentence(text, q))
    if stands_alone:
        return False
    return not _reported_words(text, q, lo)


def _reported_words(text: str, q: QuoteSpan, lo: int) -> bool:
    """The quoted words complete a reporting verb in their sentence ("called it “Jim Crow 2.0”")."""
    before = text[max(lo, q.outer_start - 80):q.outer_start]
    before = re.split(r"[.!?;:]\s", before)[-1]  # this sentence only
    return bool(_REPORTED_WORDS.search(before))


# ---- transcript turns -------------------------------------------------------------------------
# A turn opens a line with the speaker's label: "MS. JEAN-PIERRE:", "SIMON:", "UNIDENTIFIED PERSON #2:",
# "Joe Biden (00:03):", "Q:" / "A:", "CHAIR POWELL." (capitals and a period, two words or more).
_TURN = re.compile(
    r"(?m)^[ \t]*(?P<label>(?P<qa>[QA])|(?P<caps>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\-]*(?:[ ][A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\-]*){0,4}(?:[ ]#\d+)?)(?:,[ ](?P<duty>[A-Z][A-Z ]{1,20}))?"
    r"|(?P<timed>[A-Z][\w'’.\-]*(?:[ ][A-Z][\w'’.\-]*){0,3})[ ]\((?P<clock>\d{1,2}:\d{2}(?::\d{2})?)\))"
    r"(?P<sep>:|\.(?=[ ]))\s+(?=\S)")


def _label_words(label: str) -> list[str]:
    return [w for w in re.split(r"\s+", label.strip()) if w]


def _picture_label(label: Optional[str]) -> bool:
    """ "FILE PHOTO", "PHOTO": a caption's label, made only of picture-credit words."""
    words = _label_words(label or "")
    return bool(words) and all(w.lower() in vocab.words("picture_credit_words") for w in words)


def _turn_label_ok(text: str, m: "re.Match", labels: dict[str, int],
                   person_at: Optional[Callable[[int], bool]] = None) -> bool:
    """A line's opening words are a speaker label, not "UPDATE:" or "WASHINGTON.": a label the
    transcript repeats, one with a title (MR., CHAIR), a timestamp or a number (#2), Q/A in pairs,
    or capitals that spell a person named in the text (CHUCK SCHUMER -> Chuck Schumer; with a
    parse, `person_at(offset)` says whether the name found there is a person's)."""
    from auditor.read.speakers import TITLE_WORDS

    if m.group("timed"):
        return True
    if "\n" in m.group(0)[m.end("sep") - m.start():]:
        return False  # a label on a line of its own is a form's field ("NOTE:"), unless it is timed
    if m.group("qa"):
        return labels.get("Q", 0) > 0 and labels.get("A", 0) > 0
    label = m.group("caps")
    words = _label_words(label)
    if _picture_label(label):
        return False  # "FILE PHOTO: George Kurtz speaks at ...": a picture's caption, not a speaker's turn
    if m.group("sep") == "." and len(words) < 2:
        return False  # "WASHINGTON. ..." is a dateline
    if not any(ch.isalpha() for ch in label) or len(label.replace(" ", "")) < 2:
        return False
    if re.search(r"#\d+$", label):
        return True
    if labels.get(label, 0) >= 2 and len(labels) >= 2:
        return True  # a dialogue: labels that recur among others ("FILE PHOTO:" captions alone do not)
    if len(words) >= 2 and words[0].lower() in TITLE_WORDS:
        return True
    if m.group("duty"):
        return True  # "FRANCO ORDOÑEZ, BYLINE:", "SCOTT SIMON, HOST:": a broadcaster's transcript
    if len(words) == 1 and not text[:m.start("label")].strip():
        return False  # "KARACHI: Jinnah Hospital has reported ...": one word opening the article, its dateline
    titled = " ".join("-".join(p[:1] + p[1:].lower() for p in w.split("-")) if w.isupper() else w for w in words)
    pattern = (re.escape(titled) if len(words) >= 2 else r"[A-Z][a-z]+\s+" + re.escape(titled)) + r"\b"
    for found in re.finditer(r"\b" + pattern, text):
        if person_at is None or person_at(found.end() - 1):
            return True
    return False


def _turn_paragraphs(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The paragraphs of a turn's words: a blank line, or a line ending a sentence, ends one; a line
    stopping mid-sentence is wrapped onto the next (transcripts are often set with hard wraps)."""
    out: list[tuple[int, int]] = []
    cur: Optional[tuple[int, int]] = None
    pos = lo
    for line in text[lo:hi].split("\n"):
        s, e = _trim(text, pos, pos + len(line))
        pos += len(line) + 1
        if e <= s:
            if cur:
                out.append(cur)
            cur = None
            continue
        cur = (cur[0], e) if cur else (s, e)
        if text[e - 1] in _TERMINAL + DOUBLE_CLOSE + DOUBLE_EITHER + SINGLE_CLOSE + ")":
            out.append(cur)
            cur = None
    if cur:
        out.append(cur)
    return out


def transcript_turns(text: str, person_at: Optional[Callable[[int], bool]] = None) -> list[QuoteSpan]:
    """The words of each transcript turn, one quote a paragraph, each carrying its turn's label.
    A turn runs to the next label; after the last one, it stops at a line that is no speech (a
    short line without sentence punctuation: a heading, a caption)."""
    found = list(_TURN.finditer(text))
    if not found:
        return []
    labels: dict[str, int] = {}
    for m in found:
        key = m.group("qa") or m.group("caps") or m.group("timed")
        labels[key] = labels.get(key, 0) + 1
    turns = [m for m in found if _turn_label_ok(text, m, labels, person_at)]
    out: list[QuoteSpan] = []
    captions = [m.start() for m in found if _picture_label(m.group("caps"))]  # a caption ends a turn too
    for n, m in enumerate(turns):
        end = turns[n + 1].start() if n + 1 < len(turns) else len(text)
        end = min([end] + [c for c in captions if c > m.start()])
        ls, le = m.start("label"), m.end("caps") if m.group("caps") else m.end("label")
        if m.group("timed"):
            le = m.end("timed")
        for s, e in _turn_paragraphs(text, m.end(), end):
            piece = text[s:e]
            if re.fullmatch(r"[\[(][^\])]*[\])]", piece):
                continue  # a timestamp or a stage direction: "(01:09)", "(LAUGHTER)"
            if text[e - 1] not in _TERMINAL + DOUBLE_CLOSE + DOUBLE_EITHER + SINGLE_CLOSE and word_count(piece) < 12:
                break  # a heading or caption: the transcript is over
            out.append(QuoteSpan(s, e, None, None, style="turn", label_start=ls, label_end=le))
    return out


# ---- closed-caption turns ----------------------------------------------------------------------
# Broadcast captions mark each change of speaker with ">>" and seldom say who speaks: ">> reporter:
# congressman cummings, you could hear ...", ">> i think there are ...". A turn runs to the next ">>"
# or to its paragraph's end (a minute stamp such as "5:01 am" starts a new paragraph). A few words and
# a colon right after the marks are the speaker's label when they look like one: capitals
# ("SEN. TED KAUFMAN:"), a single word ("reporter:") or a title and a name ("senator corker:");
# ">> the question is: ..." is speech.
_CAPTION_MARK = re.compile(r">>")
_CAPTION_LABEL = re.compile(r"[ \t]*(?P<label>[^\W\d_][\w.'’\-]*(?:[ ][^\W\d_][\w.'’\-]*){0,3}):[ \t]+(?=\S)")


def _caption_label_ok(label: str) -> bool:
    from auditor.read.speakers import TITLE_WORDS

    words = label.split()
    return label.isupper() or len(words) == 1 or words[0].lower() in TITLE_WORDS


def caption_turns(text: str, blocks: Sequence[tuple[int, int]]) -> list[QuoteSpan]:
    """The words of every ">>" caption turn, one quote a turn; `label_start` is set where the turn
    names its speaker, `open_mark` is the offset of the ">>" marks."""
    out: list[QuoteSpan] = []
    for lo, hi in blocks:
        marks = [m.start() for m in _CAPTION_MARK.finditer(text, lo, hi)]
        for n, at in enumerate(marks):
            end = marks[n + 1] if n + 1 < len(marks) else hi
            start, ls, le = at + 2, None, None
            m = _CAPTION_LABEL.match(text, start, end)
            if m and _caption_label_ok(m.group("label")):
                ls, le, start = m.start("label"), m.end("label"), m.end()
            s, e = _trim(text, start, end)
            if e > s and any(ch.isalnum() for ch in text[s:e]):
                out.append(QuoteSpan(s, e, at, None, style="caption", label_start=ls, label_end=le))
    return out


def _doubled_singles(text: str) -> str:
    """Two single marks typed for a double one ("buildings,’’ an official said", "‘‘We will",
    "adults,'' said"): read as the double mark, offsets kept (the second character becomes a space
    on the outer side)."""
    if "’’" not in text and "‘‘" not in text and "''" not in text:
        return text
    text = text.replace("’’", "” ").replace("‘‘", " “")
    # two straight marks ("families,'' the UN said"): a closing mark after a word, else an opening one
    text = re.sub(r"(?<=\S)''", '" ', text)
    return text.replace("''", ' "')


def find_quotes(text: str, person_at: Optional[Callable[[int], bool]] = None) -> list[QuoteSpan]:
    """Every quoted stretch of the (noise-masked) text, in order; pure and offset-preserving.

    Never raises on unbalanced marks: what can be recovered is returned with truncated=True.
    """
    text = _doubled_singles(text)
    blocks = segment.blocks(text)
    doubles = _double_quotes(text, blocks)
    british = not doubles
    found: list[QuoteSpan] = list(doubles)
    carry_single: Optional[QuoteSpan] = None  # a single-quoted statement running over paragraphs
    for bi, (lo, hi) in enumerate(blocks):
        # a paragraph that carries on a single-quoted statement is that statement, not a pull quote;
        # so is a quoted sentence set alone right after a quoted paragraph ("‘...,’ he said." /
        # "‘I just did not have an opportunity to present the evidence.’"): a run of one speaker
        headline = _headline_like(text, lo, hi) and not (
            carry_single is not None and _first_char(text, lo, hi) in SINGLE_OPEN + SINGLE_EITHER) \
            and not (bi > 0 and _quoted_sentence(text, lo, hi) and _holds_quote(found, blocks[bi - 1]))
        if not (headline or british):
            # a paragraph of a double-quoting article that quotes in single marks (a wire's copy set
            # in another house style): its single-quoted statements count, not its terms or names
            if not _DOUBLE_MARK.search(text, lo, hi):
                tail: list[int] = []
                pieces = _single_quotes(text, lo, hi, tail)
                if carry_single and pieces and not text[lo:pieces[0].outer_start].strip():
                    pieces[0] = QuoteSpan(pieces[0].start, pieces[0].end, pieces[0].open_mark, pieces[0].close_mark,
                                          style="single", continued=True)
                for q in pieces:
                    if not _inside(doubles, q.outer_start) and (q.continued or _single_statement(text, q, lo)):
                        found.append(q)
                carry_single = _single_runs_on(text, blocks, bi, tail, doubles)
                if carry_single:
                    found.append(carry_single)
            else:
                carry_single = None
            continue
        for q in _single_quotes(text, lo, hi):
            if _inside(doubles, q.outer_start):
                continue  # a quote within a quote belongs to the outer speaker
            found.append(QuoteSpan(q.start, q.end, q.open_mark, q.close_mark, style="single",
                                   headline=headline))
    turns = transcript_turns(text, person_at) + caption_turns(text, blocks)
    if turns:
        found = [q for q in found if not any(t.start <= q.start < t.end and q.style == "single" for t in turns)]
        found += turns
    found.sort(key=lambda q: q.start)
    out: list[QuoteSpan] = []
    for q in found:
        if q.style in ("turn", "caption"):
            out.append(q)
            continue
        lo = next((b for b, e in blocks if b <= q.start < e), 0)
        if _is_scare(text, q, lo) or (not q.headline and _is_title(text, q, lo) and not _reported_words(text, q, lo)):
            continue
        partial = not q.continued and not _starts_statement(text, q, lo)
        if q.headline and not text[lo:q.outer_start].strip():
            partial = False
        out.append(QuoteSpan(q.start, q.end, q.open_mark, q.close_mark, q.style, partial, q.headline,
                             q.continued, q.continues, q.truncated))
    return out


def _person_at(doc) -> Callable[[int], bool]:
    """Whether the parse makes the word at an offset part of a person's name (an entity)."""
    from auditor.read.speakers import token_range

    def person_at(offset: int) -> bool:
        toks = token_range(doc, max(0, offset - 40), offset + 1)
        return any(t.ent_type_ == "PERSON" and t.idx <= offset < t.idx + len(t.text) for t in toks)
    return person_at


def quote_id(article_id: str, start: int, text: str) -> str:
    """Stable id from the article, position and words, not from run order."""
    digest = hashlib.sha1(f"{article_id}\0{start}\0{' '.join(text.split())}".encode("utf-8")).hexdigest()[:10]
    return f"q_{digest}"


def extract(article_id: str, text: str, doc) -> tuple[Quote, ...]:
    """The direct quotes of one article with their speakers, cues and partial flags.

    `text` is the noise-masked analysis text and `doc` its spaCy parse (same offsets).
    """
    from auditor.read import speakers  # the parse-dependent half
    from auditor.read import sources

    spans = find_quotes(text, _person_at(doc))
    blocks = segment.blocks(text)
    statements = [QuoteSpan(s, e, None, None, style="block", introduced_by=v)
                  for s, e, v in speakers.block_statements(doc, text, blocks, spans)
                  if not any(q.start < e and s < q.end for q in spans)]
    spans = sorted(spans + statements, key=lambda q: q.start)
    if not spans:
        return ()

    atts = speakers.attribute_quotes(doc, text, spans, blocks)
    out = []
    for q, a in zip(spans, atts):
        piece = text[q.start:q.end]
        sp = a.speaker
        unresolved = sp is not None and speakers.unresolved_speaker(sp)
        if sp is not None and (sp.kind == "pronoun" or not (unresolved or speakers.can_speak(sp, doc)
                                                            or speakers.media_description(sp))):
            sp = None  # an unresolved "he said", or a thing that cannot speak: no speaker rather than a wrong one
        # "said the refinery", "the indictment said", "the senator said" with no named referent: the
        # speaker as the article names it, marked as a description by its article
        name = (sp.name if not unresolved or sp.name.lower().startswith(("the ", "a ", "an ")) else f"the {sp.name}") \
            if sp is not None else None
        out.append(Quote(
            id=quote_id(article_id, q.start, piece),
            article=article_id,
            start=q.start,
            end=q.end,
            text=piece,
            speaker=name,
            speaker_start=sp.start if sp else None,
            speaker_end=sp.end if sp else None,
            speaker_role=(sp.role if sp and sp.role and sp.role != sp.name else None),
            cue=a.cue,
            partial=q.partial,
            speaker_kind=sources.classify(sp, doc) if sp else None,
        ))
    return tuple(out)
