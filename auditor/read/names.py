"""One name per party across articles: acronyms, short forms and spelling variants.

Why: outlets spell the same party differently ("Baloch" / "Balochistan Liberation Army",
"Sarfraz" / "Sarfaraz Bugti", "Najeeb" / "Najibullah Kakar", "Musakhel" / "Musakhail"), and an
audit that counts them as different sources over-reports disagreement. A spelling difference is
itself a finding for an editor, so merged spellings are kept as ``variants``.

Rules (general, no names from any article):
- an acronym defined in the text, "Long Form (ACR)", or matching a long form's initials;
- a surname or first name alone -> the full name holding it (done within an article, where the
  nearest preceding full name is known; across articles only when unambiguous);
- transliteration variants: same first letter and the same consonant skeleton (vowels dropped,
  doubled letters collapsed), or a rapidfuzz ratio >= 85; a person's first name may also be a
  longer form of the other (Najeeb / Najibullah) when the surnames agree;
- an organisation named with or without a place qualifier ("Chinese Embassy" / "Chinese
  Embassy in Islamabad"), or a demonym for a place (Baloch / Balochistan) in one word of a
  longer name.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Iterator, Optional, Sequence

from rapidfuzz import fuzz

from auditor import vocab

log = logging.getLogger(__name__)

FUZZY_SAME = 85
# Lower-case words inside a body's name, left out of its initials: particles ("de", "bin") and joins.
_CONNECTORS = vocab.words("name_particles") | {"of", "for", "and", "the", "on", "in", "&", "e", "y", "und"}
_QUALIFIER_PREPS = frozenset({"in", "of", "at", "for", "to"})
PLACE_GENERICS = vocab.words("place_generics")
_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z&.-]{1,11})\s*\)")
_WORDS = re.compile(r"[^\W_][\w’'.-]*", re.U)
_VOWELS = set("aeiouy")
# Short names of wire agencies and broadcasters whose letters are not the initials of their long form
# in English, or that are a first word only ("Xinhua" / "Xinhua News Agency"). General knowledge:
# AP is the Associated Press whoever quotes it.
AGENCY_ALIASES = vocab.table("news_agencies", column=2)


@lru_cache(maxsize=1 << 16)
def normalize(name: str) -> str:
    """Lower case, typographic apostrophes folded, leading article and possessive dropped.
    Cached: the source stage asks again for the same few names of each article."""
    s = " ".join(name.replace("’", "'").replace("‘", "'").split()).casefold()
    s = re.sub(r"^(the|a|an)\s+", "", s)
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^\w\s&@-]", "", s)
    return " ".join(s.split())


def slug(name: str) -> str:
    s = unicodedata.normalize("NFKD", normalize(name)).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "x"


def is_description(name: str) -> bool:
    """A name without a proper noun ("the country's military", "ministry"): it means something
    only inside its article."""
    return not any(w[:1].isupper() or w[:1].isdigit() for w in name.replace("’", " ").split())


def source_id(name: str, kind: str = "", article: str = "") -> str:
    """The canonical id of a party: "s_" + slug of its canonical name.

    Anonymous parties ("officials") and bare descriptions ("the country's military") cannot be
    identified across articles, so their id is scoped to the article that cites them: two
    articles' "officials" are not one shared source.
    """
    if article and (kind == "anonymous" or is_description(name)):
        return f"s_{slug(name)}@{slug(article)}"
    return "s_" + slug(name)


def _tokens(name: str) -> list[str]:
    return normalize(name).split()


def initials(name: str) -> str:
    """Capital initials of a name's words and hyphen parts: "Tehreek-e-Taliban Pakistan" -> TTP."""
    out = []
    for w in re.split(r"[\s]+", name):
        for part in w.split("-"):
            if part[:1].isupper():
                out.append(part[0])
    return "".join(out)


def is_acronym(name: str) -> bool:
    core = name.replace(".", "")
    return 2 <= len(core) <= 8 and core.isupper() and core.isalpha()


def acronyms(text: str) -> dict[str, tuple[str, int, int]]:
    """Acronyms the text defines: "the Organization of Islamic Cooperation (OIC)" -> OIC ->
    ("Organization of Islamic Cooperation", start, end of the long form). The long form's initials
    spell the short form; failing that, its letters appear in order in a capitalised name of two
    words or more ("Australian Securities Exchange (ASX)")."""
    out: dict[str, tuple[str, int, int]] = {}
    for m in _ACRONYM.finditer(text):
        acr = m.group(1).replace(".", "")
        letters = "".join(ch for ch in acr if ch.isupper())
        if len(letters) < 2 or acr in out:
            continue
        before = text[max(0, m.start() - 200):m.start()]
        forms = list(_long_forms(before, max(0, m.start() - 200), letters))
        by_initials = next(((f, s) for f, s, caps in forms if caps == letters or (
            caps.startswith(letters[0]) and len(caps) > len(letters) and _subsequence(letters, caps))), None)
        by_letters = next(((f, s) for f, s, _ in forms if acr.isalpha() and acr.isupper()
                           and _letters_in_order(letters, f)), None)
        found = by_initials or by_letters
        if found:
            out[acr] = (found[0], found[1], found[1] + len(found[0]))
    return out


def _long_forms(before: str, offset: int, letters: str) -> Iterator[tuple[str, int, str]]:
    """The candidate long forms right before a bracketed short form, shortest first, each opening
    with a capital, with its start and its initials, up to two initials more than the short form has."""
    words = list(_WORDS.finditer(before))
    for k in range(1, min(len(words), 12) + 1):
        chosen = words[-k:]
        if not chosen[0].group(0)[:1].isupper():
            continue
        start = offset + chosen[0].start()
        long_form = re.sub(r"[’']s$", "", before[chosen[0].start():chosen[-1].end()])
        if "\n" in long_form:
            return
        caps = initials(long_form)
        yield long_form, start, caps
        if len(caps) > len(letters) + 2:
            return


def _letters_in_order(letters: str, long_form: str) -> bool:
    """Schwartz and Hearst's test for a short form's definition: each of its letters appears in the
    long form in order, the first opening its first word and the last inside its last word; here the
    long form must also be a name, of two capitalised words or more ("Australian Securities Exchange")."""
    words = long_form.split()
    if len(words) < 2 or any(not w[:1].isupper() and w.lower() not in _CONNECTORS for w in words):
        return False
    if letters[0].lower() != words[0][:1].lower() or letters[-1].lower() not in words[-1].lower():
        return False
    return _subsequence(letters[1:].lower(), long_form[1:].lower())


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def skeleton(word: str) -> str:
    """Consonant skeleton: first letter kept, vowels dropped, doubled letters collapsed."""
    w = unicodedata.normalize("NFKD", word.casefold()).encode("ascii", "ignore").decode("ascii")
    w = re.sub(r"[^a-z]", "", w)
    if not w:
        return ""
    out = [w[0]]
    for ch in w[1:]:
        if ch in _VOWELS or ch == out[-1]:
            continue
        out.append(ch)
    return "".join(out)


def same_spelling(a: str, b: str) -> bool:
    """Two words that are one word spelt two ways (Sarfraz / Sarfaraz, Musakhel / Musakhail)."""
    a, b = a.casefold(), b.casefold()
    if a == b:
        return True
    if a[:1] != b[:1] or min(len(a), len(b)) < 3:
        return False
    sa, sb = skeleton(a), skeleton(b)
    if len(sa) >= 3 and sa == sb:
        return True
    return fuzz.ratio(a, b) >= FUZZY_SAME


def _longer_form(a: str, b: str) -> bool:
    """A given name and a longer form of it (Najeeb / Najibullah): same skeleton start."""
    sa, sb = skeleton(a), skeleton(b)
    short, long = sorted((sa, sb), key=len)
    return a[:1].casefold() == b[:1].casefold() and len(short) >= 3 and long.startswith(short)


def compare_people(a: str, b: str) -> Optional[str]:
    """ "same" (one spelling), "variant" (spelt differently), "short" (a form with fewer names),
    or None when the two names are different people."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return None
    if ta == tb:
        return "same"
    if len(ta) == 1 or len(tb) == 1:
        return None  # a lone surname is resolved inside its article, where context is known
    if not same_spelling(ta[-1], tb[-1]):
        return None
    if not (same_spelling(ta[0], tb[0]) or _longer_form(ta[0], tb[0])):
        return None
    if len(ta) == len(tb):
        if all(same_spelling(x, y) or (i == 0 and _longer_form(x, y)) for i, (x, y) in enumerate(zip(ta, tb))):
            return "variant"
        return None
    # one has a middle name the other leaves out: Khawaja Muhammad Asif / Khawaja Asif
    short, long = sorted((ta, tb), key=len)
    it = iter(long)
    if all(any(same_spelling(x, y) for y in it) for x in short):
        return "short" if ta[0] == tb[0] and ta[-1] == tb[-1] else "variant"
    return None


def agency_alias(a: str, b: str) -> bool:
    """One wire agency or broadcaster by its short and its long name (AP / The Associated Press,
    AFP / Agence France-Presse, dpa / Deutsche Presse-Agentur)."""
    na, nb = normalize(a).replace("‐", "-"), normalize(b).replace("‐", "-")
    return AGENCY_ALIASES.get(na) == nb or AGENCY_ALIASES.get(nb) == na


_ABBREVIATIONS = vocab.table("name_abbreviations")


@lru_cache(maxsize=4096)
def org_key(name: str) -> str:
    """A body's name with its abbreviations spelt out, lower case, leading article dropped:
    "U.S. Geological Survey" and "United States Geological Survey" -> "united states geological
    survey"; "Dept. of Labor" -> "department of labor". Two names with one key are one party."""
    written = " ".join(name.replace("’", "'").split()).casefold().split()
    if len(written) < 2:
        return normalize(name)  # "EU" alone is an acronym of its long form, not an abbreviation in a name
    words = []
    for w in written:
        w = re.sub(r"'s$", "", w)
        words.append(_ABBREVIATIONS.get(w) or _ABBREVIATIONS.get(w.rstrip(",;:")) or w)
    return normalize(" ".join(words))


def key_initials(name: str) -> str:
    """Initials of a body's spelt-out name, connectors left out: "U.S. Geological Survey" -> USGS."""
    return "".join(w[0] for w in re.split(r"[\s-]+", org_key(name)) if w and w not in _CONNECTORS).upper()


def compare_orgs(a: str, b: str) -> Optional[str]:
    """Like compare_people, for organisations, offices and places."""
    na, nb = normalize(a), normalize(b)
    if not na or not nb:
        return None
    if na == nb or org_key(a) == org_key(b):
        return "same"
    if is_acronym(a.strip()) != is_acronym(b.strip()):
        acr, other = (a.strip(), b) if is_acronym(a.strip()) else (b.strip(), a)
        if key_initials(other) == acr.replace(".", "").upper():
            return "short"  # "USGS" / "U.S. Geological Survey"
    if agency_alias(a, b):
        return "short"
    if is_acronym(a.strip()) or is_acronym(b.strip()):
        acr, other = (a.strip(), b) if is_acronym(a.strip()) else (b.strip(), a)
        if is_acronym(other.strip()):
            return None
        return "short" if initials(other).upper() == acr.replace(".", "").upper() else None
    ta, tb = na.split(), nb.split()
    short, long = sorted((ta, tb), key=len)
    # a place qualifier added: "chinese embassy" / "chinese embassy in islamabad"
    if len(short) >= 2 and long[:len(short)] == short and long[len(short)] in _QUALIFIER_PREPS:
        return "short"
    if len(ta) != len(tb) or len(ta) < 2 or ta[-1] != tb[-1]:
        return None
    diff = [(x, y) for x, y in zip(ta, tb) if x != y]
    if len(diff) != 1:
        return None
    x, y = diff[0]
    short_w, long_w = sorted((x, y), key=len)
    if len(short_w) >= 4 and long_w.startswith(short_w) and x[:1].isalpha():
        return "form"  # a demonym and its place: Baloch / Balochistan, Pakistani / Pakistan
    if same_spelling(x, y):
        return "variant"
    return None


def _compare(a: str, b: str, kind_a: str, kind_b: str) -> Optional[str]:
    pa, pb = kind_a == "person", kind_b == "person"
    if pa != pb:
        return None
    if kind_a == "anonymous" or kind_b == "anonymous" or is_description(a) or is_description(b):
        return "same" if normalize(a) == normalize(b) else None
    return compare_people(a, b) if pa else compare_orgs(a, b)


class _Union:
    def __init__(self, n: int) -> None:
        self.p = list(range(n))

    def find(self, i: int) -> int:
        while self.p[i] != i:
            self.p[i] = self.p[self.p[i]]
            i = self.p[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


def _group_kind(kind: str, name: str = "") -> str:
    if kind == "person":
        return "person"
    return "anonymous" if kind == "anonymous" or is_description(name) else "party"


def _candidate_keys(name: str, kind: str) -> list[tuple]:
    """Keys that any two names `_compare` can join share at least one of (a necessary condition,
    not a sufficient one): comparing only names that share a key finds every pair that matters
    without comparing all pairs, which grew with the square of the corpus's distinct names.

    - descriptions and anonymous parties join only when their normal forms are equal;
    - people only when their first and last words begin with the same letter (``same_spelling``
      and ``_longer_form`` both require it), which also holds for equal normal forms; a one-word
      name only when the normal forms are equal (a lone surname joins a full name by the separate
      rule in `cluster_names`);
    - organisations: equal normal forms or an agency's short and long name; an acronym and the
      initials of the other name (an acronym has two letters at least, so initials of fewer need
      no key); one name and the same with a place qualifier (same first two words); one word
      different in names of equal length (same words elsewhere, and the differing words begin
      with the same letter, as a spelling variant or a demonym and its place do: without that
      letter, every "X Ministry" of the corpus would be compared with every other).
    """
    group = _group_kind(kind, name)
    norm = normalize(name)
    if group == "anonymous":
        return [("a", norm)]
    toks = norm.split()
    if group == "person":
        if len(toks) == 1:
            return [("p1", norm)]
        return [("p", toks[0].casefold()[:1], toks[-1].casefold()[:1]) if toks else ("p",)]
    plain = norm.replace("‐", "-")
    keys: list[tuple] = [("n", plain), ("n", org_key(name))]
    if plain in AGENCY_ALIASES:
        keys.append(("n", AGENCY_ALIASES[plain]))
    stripped = name.strip()
    letters = stripped.replace(".", "").upper() if is_acronym(stripped) else initials(name).upper()
    if len(letters) >= 2:
        keys.append(("i", letters))
    if not is_acronym(stripped) and len(key_initials(name)) >= 2:
        keys.append(("i", key_initials(name)))
    if len(toks) >= 2:
        keys.append(("q", toks[0], toks[1]))
        keys.extend(("d", len(toks), k, tuple(toks[:k] + toks[k + 1:]), toks[k].casefold()[:1])
                    for k in range(len(toks) - 1))
    return keys


def cluster_names(items: Sequence[tuple[str, str]]) -> list[list[int]]:
    """Groups of (name, kind) items that name one party; indices in input order.

    The groups are the connected parts of the "names one party" relation (`_compare`); only
    items sharing a candidate key are compared, so the work grows with the corpus, not its square."""
    n = len(items)
    u = _Union(n)
    blocks: dict[tuple, list[int]] = {}
    for i, (name, kind) in enumerate(items):
        for key in dict.fromkeys(_candidate_keys(name, kind)):
            blocks.setdefault(key, []).append(i)
    for members in blocks.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if u.find(i) == u.find(j):
                    continue
                if _group_kind(items[i][1], items[i][0]) != _group_kind(items[j][1], items[j][0]):
                    continue
                if _compare(items[i][0], items[j][0], items[i][1], items[j][1]):
                    u.union(i, j)
    # a lone surname joins the one multi-word person holding it, when only one does
    holding: dict[str, list[int]] = {}
    for j in range(n):
        if items[j][1] == "person" and len(_tokens(items[j][0])) > 1:
            for tok in dict.fromkeys(_tokens(items[j][0])):
                holding.setdefault(tok, []).append(j)
    for i in range(n):
        toks = _tokens(items[i][0])
        if items[i][1] != "person" or len(toks) != 1:
            continue
        holders = {u.find(j) for j in holding.get(toks[0], ())}
        if len(holders) == 1:
            u.union(i, holders.pop())
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(u.find(i), []).append(i)
    return list(groups.values())


def _canonical_of(names: Iterable[str], counts: dict[str, int], first: dict[str, int]) -> str:
    """The fullest, most used spelling among `names`, given each name's count and first position."""
    return max(names, key=lambda nm: (not is_acronym(nm), len(_tokens(nm)), counts[nm], -first[nm]))


def _counts(names: Sequence[str]) -> tuple[dict[str, int], dict[str, int]]:
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for i, nm in enumerate(names):
        counts[nm] = counts.get(nm, 0) + 1
        first.setdefault(nm, i)
    return counts, first


def pick_canonical(names: Sequence[str]) -> str:
    """The fullest, most used spelling: not an acronym, most words, most frequent, first seen."""
    counts, first = _counts(names)
    return _canonical_of(counts, counts, first)


def canonical_names(items: Sequence[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, tuple[str, ...]]]:
    """(name, kind) -> (canonical name, spelling variants seen for that party)."""
    uniq = list(dict.fromkeys(items))
    out: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {}
    counts, first = _counts([nm for nm, _ in items])  # every use of a spelling weighs, whatever its kind
    for group in cluster_names(uniq):
        members = [uniq[i] for i in group]
        canon = _canonical_of({m[0] for m in members}, counts, first)
        kind = members[0][1]
        variants = sorted({m[0] for m in members if m[0] == canon or _compare(m[0], canon, kind, kind) == "variant"},
                          key=lambda s: (s != canon, s))
        variants_t = tuple(variants) if len(variants) > 1 else ()
        for m in members:
            out[m] = (canon, variants_t)
    return out


def canonical_places(names: Iterable[str]) -> dict[str, str]:
    """Place name -> one spelling for the place ("Musakhail" -> "Musakhel"), for the claims stage.

    Generic words (district, province...) are ignored in the comparison, not removed from names.
    Only names whose words begin with the same letters are compared (`same_spelling` requires it).
    """
    names = [n for n in names if n and n.strip()]
    uniq = list(dict.fromkeys(names))
    cores = [(" ".join(t for t in _tokens(n) if t not in PLACE_GENERICS) or normalize(n)).split() for n in uniq]
    u = _Union(len(uniq))
    blocks: dict[tuple[str, ...], list[int]] = {}
    for i, core in enumerate(cores):
        blocks.setdefault(tuple(w.casefold()[:1] for w in core), []).append(i)
    for members in blocks.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if all(same_spelling(a, b) for a, b in zip(cores[i], cores[j])):
                    u.union(i, j)
    groups: dict[int, list[int]] = {}
    for i in range(len(uniq)):
        groups.setdefault(u.find(i), []).append(i)
    counts, first = _counts(names)
    out: dict[str, str] = {}
    for group in groups.values():
        canon = _canonical_of({uniq[i] for i in group}, counts, first)
        for i in group:
            out[uniq[i]] = canon
    return out


def canonicalize(sources: Sequence, quotes: Sequence = ()) -> tuple[tuple, tuple]:
    """Give every source (model.Source) a shared canonical id across articles, record spelling
    variants, and set each quote's speaker_id to its speaker's id."""
    items = [(s.name, s.kind) for s in sources]
    speaker_kind = {}
    for s in sources:
        speaker_kind[(s.article, normalize(s.name))] = s.kind
    for q in quotes:
        if q.speaker:
            items.append((q.speaker, speaker_kind.get((q.article, normalize(q.speaker)), "party")))
    table = canonical_names(items)
    new_sources = []
    for s in sources:
        canon, variants = table[(s.name, s.kind)]
        new_sources.append(replace(s, canonical=source_id(canon, s.kind, s.article), variants=variants))
    new_quotes = []
    for q in quotes:
        if q.speaker:
            kind = speaker_kind.get((q.article, normalize(q.speaker)), "party")
            canon, _ = table[(q.speaker, kind)]
            new_quotes.append(replace(q, speaker_id=source_id(canon, kind, q.article)))
        else:
            new_quotes.append(q)
    return tuple(new_sources), tuple(new_quotes)
