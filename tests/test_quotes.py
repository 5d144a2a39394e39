"""Quotes and their speakers: one table row per construction, in real news-style sentences."""
from __future__ import annotations

from pathlib import Path

import pytest

from auditor.config import DEFAULT_SPACY_MODEL
from auditor.read import analyse
from auditor.read.quotes import find_quotes
from auditor.model import Article
from conftest import speaker_for


def quoted(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text)]


# ---- finding quotes (character level, no parse) ------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    # curly double quotes
    ("“China firmly opposes all forms of terrorism,” the embassy said.",
     ["China firmly opposes all forms of terrorism,"]),
    # straight double quotes
    ('"We have the votes," Schumer said in a statement.', ["We have the votes,"]),
    # several sentences inside one quote
    ('"China stands firm against all forms of terrorism. We will continue giving staunch support to '
     'Pakistan," Lin Jian said.',
     ["China stands firm against all forms of terrorism. We will continue giving staunch support to Pakistan,"]),
    # broken by its attribution
    ('"We need more Patriots," Zelenskiy said. "Not tomorrow, today."', ["We need more Patriots,", "Not tomorrow, today."]),
    # headline quote in single curly quotes on a line of its own
    ("‘Aimed at halting Pakistan’s progress’\nPrime Minister Shehbaz Sharif pledged retaliation.",
     ["Aimed at halting Pakistan’s progress"]),
    # partial quote inside reported speech
    ("Sharif said their \"sole aim is to halt Pakistan's progress and create divisions.\"",
     ["sole aim is to halt Pakistan's progress and create divisions."]),
    # scare quotes around one or two words are not a speaker's words
    ("Pakistani authorities classify TTP and BLA as “khawarij,” a term rooted in early Islamic history.", []),
    ("Naqvi confirmed that 22 additional “Indian-backed militants” were killed.", []),
    ('Washington ended the so-called "war on terror" in Afghanistan in 2021.', []),
    ("Residents are under Level 3 “Go Now” evacuation orders.", []),
    # ... but two words a speaker is reported to have used are a partial quote
    ("Rep. Nia Holloway called the settlement “long overdue” and said she would vote for it.", ["long overdue"]),
    ("The governor described the proposal as “fiscally reckless,” aides said.", ["fiscally reckless,"]),
    ('Harmon said the ruling was "deeply flawed" and vowed to appeal.', ["deeply flawed"]),
    # a capitalised phrase after "called it" is the caller's words, not a title
    ("State Rep. Erica Lane called the law “Jim Crow 2.0” and said her caucus would sue.", ["Jim Crow 2.0"]),
    # apostrophes are not quote marks
    ("Pakistan’s military said the soldiers’ families had been informed of Balochistan’s losses.", []),
    # a quote inside a quote belongs to the outer quote
    ("\"He told me 'we will win this fight' and I believed him,\" said Amina Bibi, a resident of Quetta.",
     ["He told me 'we will win this fight' and I believed him,"]),
    # the title of a programme is not speech
    ("Ocasio-Cortez told CNN's \"State of the Union\" on Sunday that the bill would pass.", []),
    # a one-word answer that stands as a statement is kept
    ('"No," the spokesperson said when asked whether talks had resumed.', ["No,"]),
    # a quote nested in the other glyph family belongs to the outer quote (curly inside straight, and back)
    ('"They’ve made enough, for decades! Our past “leaders” are to blame for allowing this, and so much else, to '
     'happen to our Country. MAKE AMERICA GREAT AGAIN!" Trump wrote.',
     ["They’ve made enough, for decades! Our past “leaders” are to blame for allowing this, and so much else, to "
      "happen to our Country. MAKE AMERICA GREAT AGAIN!"]),
    ('“He told me "we will win this fight" and I believed him,” said Amina Bibi, a resident.',
     ['He told me "we will win this fight" and I believed him,']),
    # but a mark of the other family that closes the quote still closes it
    ("Ms Reeves said: “I will not let them beat me. I'll be there on Wednesday.\"",
     ["I will not let them beat me. I'll be there on Wednesday."]),
    # single-quoted statements in a paragraph of a double-quoting article (a copy in another house style)
    ('He called it "a disgrace".\n\nA Downing Street spokesman said: \'The Prime Minister has full confidence in '
     'the Home Secretary.\'', ["a disgrace", "The Prime Minister has full confidence in the Home Secretary."]),
    # ... also when it runs over two paragraphs (the opening mark repeated, the first left open)
    ('He called it "a disgrace".\nShe said: ‘Given the situation I cannot deliver the mandate on which I was '
     'elected.\n‘I have spoken to His Majesty the King to resign.’',
     ["a disgrace", "Given the situation I cannot deliver the mandate on which I was elected.",
      "I have spoken to His Majesty the King to resign."]),
    # ... but not a nickname or a title in single marks
    ('"We will appeal," he said.\n\nCritics dubbed him \'Gold Bar Bob\' after the raid.\n\nHe sang \'Things Can '
     'Only Get Better\' at the rally.', ["We will appeal,"]),
    # ">>" caption turns: each turn is a quote, a short label before a colon is not part of it
    (">> reporter: congressman cummings, you could hear the crowd. >> i think there are a lot of bernie's people.",
     ["congressman cummings, you could hear the crowd.", "i think there are a lot of bernie's people."]),
    # British style: single quotes when the article has no double quotes
    ("'These are thugs, not protesters,' Starmer told broadcasters in Downing Street.",
     ["These are thugs, not protesters,"]),
    # two quoted words that make up a whole sentence are a statement, not a term held at arm's length
    ("With Wall Street rattled, Yellen tried to reassure Americans.\n‘The American banking system is really safe "
     "and well capitalized’, she said. ‘It’s resilient’.",
     ["The American banking system is really safe and well capitalized", "It’s resilient"]),
    # ... also in single marks in a double-quoting article
    ('He called it "a disgrace".\nWith Wall Street rattled, Yellen tried to reassure Americans.\n‘The American '
     'banking system is really safe and well capitalized’, she said. ‘It’s resilient’.',
     ["a disgrace", "The American banking system is really safe and well capitalized", "It’s resilient"]),
    # ... but two words inside a sentence are still a term
    ("‘The American banking system is really safe’, she said. It is ‘well capitalized’ and sound.",
     ["The American banking system is really safe"]),
    # a mark glued between a sentence's end and a capital, its space lost: it opens a quote when none is
    # open, else closes it (divergences/dev, a GDP release and a flood)
    ("“Two declines are bad news,” said Stephan Angrick, senior economist at Moody’s Analytics.”This makes it "
     "harder for the central bank to justify a rate hike.”",
     ["Two declines are bad news,", "This makes it harder for the central bank to justify a rate hike."]),
    ("“I have never seen such devastation.”Mahamad Shabuddin, 34, confided on Saturday.",
     ["I have never seen such devastation."]),
    # ... an opening glyph glued after a comma still opens (divergences/dev, a censure)
    ("When Republican Congressman Mike Lawler accused Ms. Tlaib of wanting to abolish the state of Israel, Democratic "
     "Congresswoman Cori Bush yelled from the other side of the chamber,“that’s a lie!”",
     ["that’s a lie!"]),
    # ... and a closing one before a lower-case word closes (divergences/dev, a verdict)
    ("'I will fight until my last breath to prove my complete innocence,'the 70-year-old conservative said. He "
     "called the verdict an 'injustice'.",
     ["I will fight until my last breath to prove my complete innocence,", "injustice"]),
])
def test_find_quotes(text, expected):
    assert quoted(text) == expected


@pytest.mark.parametrize("text, expected, partial", [
    ("Sharif said their \"sole aim is to halt Pakistan's progress, sabotage projects.\"", True, True),
    ("France said it stood with Pakistan against “terrorism in all its forms,” while others did not.", True, True),
    ('Sharing a post on X, the bureau said, “The United States strongly condemns the attacks.”', True, False),
    ('"In total, 177 terrorists have been eliminated," he told lawmakers.', True, False),
    ("Rep. Nia Holloway called the settlement “long overdue” on Monday.", True, True),
])
def test_partial_flag(text, expected, partial):
    qs = find_quotes(text)
    assert bool(qs) is expected
    assert qs[0].partial is partial


@pytest.mark.parametrize("text, pieces, truncated", [
    # never closed, next paragraph is prose: recovered to the paragraph end
    ("“We will not be intimidated by these attacks, the minister said.\n\nPolice sealed off the area.",
     ["We will not be intimidated by these attacks, the minister said."], [True]),
    # closing mark without an opener: recovered from the start of its sentence
    ("Police sealed off the area. We will hunt them down,” the inspector general said.",
     ["We will hunt them down,"], [True]),
    # the multi-paragraph convention: no closing mark, next paragraph reopens
    ("“Russia must be held accountable for every strike.\n\n“We will not forget,” he added.",
     ["Russia must be held accountable for every strike.", "We will not forget,"], [False, False]),
    # a second opener while one is open
    ("“The toll may rise “as rescuers reach the site,” officials said.",
     ["The toll may rise", "as rescuers reach the site,"], [True, False]),
    # a closing glyph spaced off on both sides opens the quote it stands before (divergences/dev, Belgrade)
    ("President Aleksandar Vucic recognised the ” huge negative energy and anger” directed at the authorities.",
     ["huge negative energy and anger"], [False]),
    # two single marks typed for a double one (new dev corpus, the Enga landslide)
    ("“The landslide buried more than 2,000 people alive,’’ an official said in a letter seen by dpa.",
     ["The landslide buried more than 2,000 people alive,"], [False]),
    ("‘‘We will rebuild,” the governor said.", ["We will rebuild,"], [False]),
])
def test_unbalanced_quotes_are_recovered(text, pieces, truncated):
    qs = find_quotes(text)
    assert [text[q.start:q.end] for q in qs] == pieces
    assert [q.truncated for q in qs] == truncated


def test_multi_paragraph_pieces_are_linked():
    text = "“Russia must be held accountable.\n\n“We will not forget,” he added."
    first, second = find_quotes(text)
    assert first.continues and second.continued


def test_offsets_index_the_text():
    text = "Intro.\n\n“We stand with Pakistan,” the EU said. ‘Headline quote here’"
    for q in find_quotes(text):
        assert text[q.start:q.end] == text[q.start:q.end].strip()
        assert q.outer_start < q.start <= q.end < q.outer_end


# ---- speakers (through the real parse) ---------------------------------------------------------
def speakers_of(text: str) -> dict[str, str | None]:
    quotes, _ = analyse([Article(id="t", path="t.txt", text=text)], DEFAULT_SPACY_MODEL)
    return {q.text: q.speaker for q in quotes}


@pytest.mark.parametrize("text, quote, speaker", [
    # subject of the reporting verb, after the quote, with an apposition
    ('"China stands firm against all forms of terrorism," Lin Jian, a Chinese foreign ministry spokesperson, '
     'said in a press briefing on Tuesday.', "China stands", "Lin Jian"),
    # inverted order after the quote, whatever the verb or the tagger's reading of it, to a name that ends the
    # sentence, or to the name after an office (divergences/dev, a general strike and a no-confidence vote)
    ("“It was a practically normal day, the mobilization lasted three hours”, highlighted Adorni.", "It was a",
     "Adorni"),
    ("“The Prime Minister [Barnier] must submit the resignation of the government to the President of the Republic "
     "[Emmanuel Macron],” emphasized the Chairperson of the National Assembly, Yael Bron-Pivet.", "The Prime Minister",
     "Yael Bron-Pivet"),
    # inverted order, title and party tag
    ('"This is a reckless spending spree that Americans cannot afford," said Sen. Mitch McConnell, R-Ky., '
     'the minority leader.', "This is a reckless", "Mitch McConnell"),
    # attribution before the quote, after a participle clause
    ("Sharing a post on X, the Bureau of South and Central Asian Affairs of the US State Department said, "
     "“The United States strongly condemns the multiple attacks.”", "The United States",
     "Bureau of South and Central Asian Affairs of the US State Department"),
    # "wrote on its official X account"
    ('"Our hearts go out to the families of those killed," the US embassy in Islamabad wrote on its official X account.',
     "Our hearts", "US embassy in Islamabad"),
    # a verbless fragment naming the speaker
    ('Germany also expressed concern about the violence.\n\n"Our thoughts are with the families of the victims. '
     'We hope for a swift restoration of peace," the German Consul General in Karachi.',
     "Our thoughts", "German Consul General in Karachi"),
    # a quote woven into reported speech, subject climbed from "saying"
    ("The European Union (EU) also condemned the attacks, saying it “unequivocally rejects terrorism in all its "
     "forms and stands with Pakistan.”", "unequivocally", "European Union"),
    # "told <audience>"
    ('Defense Minister Khawaja Muhammad Asif addressed the National Assembly on Monday.\n"In total, 177 terrorists '
     'have been eliminated," he told lawmakers.', "In total", "Khawaja Muhammad Asif"),
    # "quoted X as saying": X speaks, not the outlet quoting
    ('The state news agency APP quoted a police official as saying, "The attackers came from across the border."',
     "The attackers", "police official"),
    # "according to a statement from X"
    ('The interior ministry condemned the attack. "Those responsible will be brought to justice," according to a '
     'statement from the ministry.', "Those responsible", "interior ministry"),
    # a question, inverted
    ('"Why are we still waiting for answers?" asked Senator Amy Klobuchar.', "Why are we", "Amy Klobuchar"),
    # a weak reporting verb inside the reported clause does not steal the quote
    ('Foreign Office spokesperson Mumtaz Zahra Baloch told the weekly briefing that Pakistan would respond '
     '"at a time of its own choosing."', "at a time", "Mumtaz Zahra Baloch"),
    # a name cut by an abbreviation the sentence splitter takes for a full stop
    ('"I think it is a mistake," Rep. Alexandria Ocasio-Cortez told reporters on Sunday.', "I think", "Alexandria Ocasio-Cortez"),
    # a participle of speech set off by a comma, which the parse hangs on the object, says what the
    # clause's subject says (divergences/dev, company layoffs)
    ("In response to these challenges, Intel CEO Pat Gelsinger emphasized the need for a leaner structure, stating, "
     "“I need less people at headquarters, more people in the field.”", "I need less", "Pat Gelsinger"),
    # coordinated titles lead up to the person, which the parse makes a third conjunct (divergences/dev, a bank
    # failure); a title beside the name in apposition still gives the name
    ("“Our government invited us and others to step up, and we did,” JP Morgan Chairman and CEO Jamie Dimon said.",
     "Our government", "Jamie Dimon"),
    ("“We will grow,” said Microsoft President and Vice Chair Brad Smith.", "We will grow", "Brad Smith"),
    # a group named by its role with the definite article speaks as the bare plural does (divergences/dev,
    # a protest); a singular description with no name to refer to is the speaker as written ("the union")
    ("“This is the largest protest night in history,” the organizers said in a statement.", "This is the largest",
     "organizers"),
    ("“We will strike,” the union said.", "We will strike", "the union"),
    # the quoted words are someone's words, by a copula (divergences/dev, a House expulsion)
    ('"To hell with this place," were some of George Santos\' first words when the session ended.', "To hell",
     "George Santos"),
    ('"We will rebuild," were the words of Mayor Karen Bass on Sunday.', "We will rebuild", "Karen Bass"),
    # the next quote glued on after the attribution keeps the attribution out of any quote
    ("“Two declines are bad news,” said Stephan Angrick, senior economist at Moody’s Analytics.”This makes it "
     "harder for the central bank to justify a rate hike.”", "Two declines", "Stephan Angrick"),
])
def test_speaker_in_the_same_sentence(text, quote, speaker):
    assert speaker_for(text, quote) == speaker


@pytest.mark.parametrize("text, quote, speaker", [
    # "he" -> the person named before
    ("Pakistan’s Prime Minister Shehbaz Sharif pledged that security forces would retaliate.\n"
     '"The doors for negotiation are always open to those who accept the constitution," he said on Tuesday.',
     "The doors", "Shehbaz Sharif"),
    # "it further added" -> the organisation named before
    ("Sharing a post on X, the Bureau of South and Central Asian Affairs said, “The United States condemns the attacks.”\n\n"
     "Expressing condolences, it further added, “Any violence disrupting peace and stability is indefensible.”",
     "Any violence", "Bureau of South and Central Asian Affairs"),
    # "the interior minister" -> the person seen with that title
    ("According to Reuters, Interior Minister Mohsin Naqvi confirmed that 22 militants were killed.\n"
     "“India is behind these attacks,” the interior minister said.", "India is", "Mohsin Naqvi"),
    # "the embassy" -> the embassy named before
    ("The Chinese Embassy in Islamabad extended condolences to the families. “China firmly opposes all forms of "
     "terrorism,” the embassy said.", "China firmly", "Chinese Embassy in Islamabad"),
    # an acronym -> its long form defined in the text
    ("The European Union (EU) condemned the attacks. “Our deepest condolences go to the families of the victims,” "
     "the EU said.", "Our deepest", "European Union"),
    # a document speaks for whoever issued it
    ('Prosecutors argued in a filing that Trump had violated the gag order.\n"The defendant\'s statements pose a '
     'significant threat to these proceedings," the filing said.', "The defendant", "Prosecutors"),
    # ... also when its issuer "made this known" in it (divergences/dev, a building collapse)
    ("Lagos Commissioner for Information, Gbenga Omotoso, made this known in a statement on Sunday.\n\nThe statement "
     "read, “One more body has been recovered from the site of the collapsed building.”", "One more body",
     "Gbenga Omotoso"),
    # a surname -> the full name in the article
    ("Senate Majority Leader Chuck Schumer, D-N.Y., said the chamber would vote next week.\n"
     '"We have the votes," Schumer said in a statement.', "We have", "Chuck Schumer"),
    # a name in apposition to a role, then "she"
    ("His lawyer, Alina Habba, told Fox News the team would appeal. She said the ruling was "
     '"outrageous and un-American."', "outrageous", "Alina Habba"),
    # a headline's unnamed office -> the holder named below it
    ("'We will not be intimidated', says prime minister\nThe prime minister, Keir Starmer, said the government "
     "would stand firm.", "We will not", "Keir Starmer"),
    # a description by the kind of body: "the agency" -> the office named before it
    ("The Federal Aviation Administration grounded the jets on Monday.\n\n“Safety is our top priority,” the agency "
     "said in a statement.", "Safety is", "Federal Aviation Administration"),
    ("The Government Accountability Office reviewed the contracts this spring. “The department did not document "
     "its decisions,” the office wrote in its report.", "The department", "Government Accountability Office"),
    ("The Energy Department released new rules on Tuesday. “These standards save families money,” the agency "
     "said.", "These standards", "Energy Department"),
    # "the company" is the named non-state body before it, skipping offices of state
    ("Boeing shares fell 4% on Monday. The Federal Aviation Administration grounded the jets. “Safety comes "
     "first,” the company said.", "Safety comes", "Boeing"),
    # a title implied by another: "the senator" -> a Senate leader; "the congresswoman" -> a Rep.
    ("Senate Minority Leader Ruth Calder of Vermont opposed the plan.\n\n“It is a giveaway,” the senator said.",
     "It is a", "Ruth Calder"),
    ("Rep. Dana Whitfield, D-Ill., voted against it. “We were shut out of the process,” the congresswoman said.",
     "We were shut", "Dana Whitfield"),
    ("House Speaker Tom Reyes spoke after the vote. “This is a good day,” the lawmaker said.", "This is a good", "Tom Reyes"),
    # the nearest compatible party, not the nearest party: a person title skips an organisation
    ("Sen. Omar Castillo, D-Ariz., questioned the Defense Department on Thursday. “They have no plan,” the senator "
     "said.", "They have", "Omar Castillo"),
    # gendered pronouns and titles skip a person the text calls Mr. or Ms.
    ("Ms. Alvarez questioned Mr. Brandt at the hearing on Tuesday.\n\n“We have no money left for this,” he said.",
     "We have no money", "Brandt"),
    ("Rep. Nia Holloway questioned Mr. Brandt on Tuesday. Mr. Brandt did not answer. “I want answers,” she said.",
     "I want answers", "Nia Holloway"),
    ("Rep. Nia Holloway met Rep. Tom Brandt and Mr. Brandt's aides on Tuesday. “It will not pass,” the "
     "congresswoman said.", "It will not", "Nia Holloway"),
    # "chair of the committee" is "the chairman"; an oversight office is "the watchdog"
    ("Rep. Dana Whitfield (R-Ohio), chair of the House Oversight Committee, said hearings would begin in May.\n\n"
     "“We're going to get to the bottom of this,” the chairman said.", "We're going", "Dana Whitfield"),
    ("The Government Accountability Office has flagged the program three times. The watchdog said in March that "
     "the department lacked “basic cost controls.”", "basic cost", "Government Accountability Office"),
    # an authorless document inside someone's reported speech does not hide the one reporting it
    ("Sen. Ruth Calder (D-Vt.), a longtime critic of the program, said the audit confirmed “what we have been "
     "saying for years.”", "what we have", "Ruth Calder"),
    # a definite unnamed party takes up the one introduced before: "the official", "one of the people"
    ("A senior Pentagon official said the review would take months. “Nobody expects this to be quick,” the "
     "official said.", "Nobody expects", "senior Pentagon official"),
    ("The talks stalled, according to three people familiar with the negotiations.\n\n“Nobody is walking away,” "
     "said one of the people, who requested anonymity.", "Nobody is walking", "three people familiar with the negotiations"),
    # a reporting verb the tagger read as a participle ("X, R-Ark., posted on X:")
    ('Lawmakers reacted quickly.\n\nSen. Tom Cotton, R-Ark., posted on X: "No concessions to Beijing. Period."',
     "No concessions", "Tom Cotton"),
    # a name the tagger took for a common noun because it opens the sentence
    ('Lawmakers reacted on Friday.\n\nTrump praised the law in a Truth Social post, writing that the governor '
     'had "finally done something right!"', "finally done", "Trump"),
    # a title with "of" before the name is office, not name
    ('Secretary of State Brad Raffensperger told reporters he would enforce it. "My job is to follow the law," '
     'he said.', "My job", "Brad Raffensperger"),
    # "the senators" are the senators named together before
    ("Sens. Ana Ruiz and Tom Brandt demanded answers from the agency on Tuesday.\n\n“The public deserves to know "
     "how this happened,” the senators wrote in a letter.", "The public deserves", "Ana Ruiz and Tom Brandt"),
    # "Administrator" is an office, not part of the name
    ("The agency is led by acting FAA Administrator Chris Rowe. “We are hiring,” Rowe said.", "We are hiring",
     "Chris Rowe"),
    # a lede's indefinite office is the holder named right after it ...
    ("A federal judge on Tuesday blocked the rule, calling it “arbitrary and capricious.”\n\nU.S. District Judge "
     "Helen Marsh said the agency had failed to explain the change.", "arbitrary", "Helen Marsh"),
    # a surname the tagger reads as a place still resolves to the person
    ("Sen. Lucia Moreno of Nevada wrote the bill. “It is long overdue,” Moreno told CNN.", "It is long", "Lucia Moreno"),
    # a name set off by a comma before a title the parse takes for the subject is who spoke (divergences/dev,
    # a central bank's rate cut)
    ("Christine Lagarde, President of the ECB said the dynamics of inflation made a cut appropriate.\n\n“At the same "
     "time, domestic price pressure remain strong,” she said.", "At the same time", "Christine Lagarde"),
])
def test_speaker_resolved_to_a_preceding_mention(text, quote, speaker):
    assert speaker_for(text, quote) == speaker


@pytest.mark.parametrize("text, quote, speaker", [
    # a quote continuing over paragraphs shares its speaker
    ("“Russia must be held accountable for every strike against civilians.\n\n“We will not forget and we will not "
     "forgive,” President Volodymyr Zelenskiy said.", "Russia must", "Volodymyr Zelenskiy"),
    # a quote standing alone after an attributed one keeps its speaker
    ("'These are thugs, not protesters,' Starmer told broadcasters in Downing Street. 'They will face the full "
     "force of the law.'", "They will face", "Starmer"),
    # a quote paragraph with no attribution, before one its speaker "added": the one who goes on spoke it
    ("Senator Elizabeth Warren, Democrat of Massachusetts, was among the critics.\n\n\"This bill is a giveaway to "
     "the banks. It does nothing for families who are struggling to pay rent.\"\n\n\"We can do better,\" she "
     "added.", "This bill is", "Elizabeth Warren"),
    # ... but not before a quote of someone who merely "said" it
    ("Critics lined up against the bill.\n\n\"This bill is a giveaway to the banks.\"\n\n\"We can do better,\" "
     "Senator Elizabeth Warren said.", "This bill is", None),
    # a verbless sentence whose only words own the quoted ones goes on with the speaker before it
    ("With her husband alongside her, Ms Truss continued: “I came into office at a time of great economic and "
     "international instability.\n\n“Families and businesses were worried about how to pay their bills.”\n\n"
     "Vladimir Putin’s “illegal war in Ukraine threatens the security of our whole continent”.", "illegal war",
     "Truss"),
    # ... not a verbless sentence whose words do not own the quote (nobody can tell whose words these are)
    ("Ms Truss continued: “Families and businesses were worried about how to pay their bills.”\n\nAnd then "
     "the “illegal war in Ukraine threatens the security of our whole continent”.", "illegal war", None),
    # a paragraph that is only a quote, in a run of quote paragraphs, is whoever spoke last when nobody
    # else is named in between (here the speaker's own embedded post)
    ("Starmer said: “The Conservative Party has shown it no longer has a mandate to govern.\n\n“Each one of these "
     "crises was made in Downing Street but paid for by the British public.\n\nBritain can’t afford the Tories’ "
     "chaos.\n\nGeneral Election, now. — Keir Starmer (@Keir_Starmer) October 20, 2022\n\n“The Tories cannot "
     "respond to their latest shambles by yet again simply clicking their fingers.", "The Tories cannot",
     "Starmer"),
    # ... but not when another party is named in between
    ("Starmer said: “The Conservative Party has shown it no longer has a mandate to govern.”\n\nThe Liberal "
     "Democrat leader Ed Davey also called for an election.\n\n“The Tories cannot respond to their latest "
     "shambles by yet again simply clicking their fingers.”", "The Tories cannot", None),
    # a sentence ending in a colon introduces the next paragraph's quote
    ("The ministry of foreign affairs said in a statement on Sunday:\n“Pakistan reserves the right to respond to "
     "this aggression.”", "Pakistan reserves", "ministry of foreign affairs"),
    # a dash line signing the quote
    ('The city held a vigil on Sunday night.\n\n"We will never forget the people we lost."\n\n— Mayor Eric Adams\n\n'
     'Hundreds attended.', "We will never", "Eric Adams"),
    # a headline pull quote takes the speaker of the words it repeats
    ("‘Aimed at halting Pakistan’s progress’\nSharif said their \"sole aim is to halt Pakistan's progress and "
     "create divisions between Pakistan and China.\"", "Aimed at", "Sharif"),
])
def test_speaker_from_an_adjacent_sentence(text, quote, speaker):
    assert speaker_for(text, quote) == speaker


@pytest.mark.parametrize("text, quote, speaker", [
    # a two-word partial quote after "called it" is the caller's
    ("Sen. Omar Castillo, D-Ariz., called the settlement “long overdue.”", "long overdue", "Omar Castillo"),
    ('Gov. Leah Sorensen described the proposal as "fiscally reckless" on Tuesday.', "fiscally reckless", "Leah Sorensen"),
    # a quote ending in "!" or "?" does not end the sentence that attributes it
    ("“Great news for farmers. Congress must act NOW!” Gov. Mark Ellison wrote in a post on X.", "Great news",
     "Mark Ellison"),
    ("“Where was this money last year?” Mayor Irene Kovac asked at a news conference.", "Where was", "Irene Kovac"),
])
def test_exclaimed_quote_then_attribution(text, quote, speaker):
    assert speaker_for(text, quote) == speaker


@pytest.mark.parametrize("text, quote, speaker", [
    # a description or a document with nothing to refer to is the speaker as the article names it, with
    # its article, never a bare word (divergences/dev: "said the refinery", "the indictment said")
    ("“Agencies should be prepared to close,” the agency said in a memo.", "Agencies should", "the agency"),
    ("“We were lied to,” the senator said.", "We were lied", "the senator"),
    ("“Containment barriers have been deployed,” said the refinery, which blamed the spill on abnormal waves.",
     "Containment barriers", "the refinery"),
    ('The prosecutors filed it on Monday. "He lied to investigators," the indictment said.', "He lied", "the indictment"),
    # ... a longer description of a body too (divergences/dev, a protest in Islamabad); not of a thing
    ("“The world must condemn this atrocity,” the opposition party said in a statement.", "The world must",
     "the opposition party"),
    # a pronoun with nothing to refer to stays no speaker
    ("“We were lied to,” he said.", "We were lied", None),
])
def test_an_unresolved_description_is_the_speaker_as_written(text, quote, speaker):
    assert speaker_for(text, quote) == speaker


def test_quote_fields_and_offsets():
    text = ('Lin Jian, a Chinese foreign ministry spokesperson, said on Tuesday: "We will continue giving staunch '
            'support to Pakistan."')
    quotes, _ = analyse([Article(id="a", path="a.txt", text=text)], DEFAULT_SPACY_MODEL)
    (q,) = quotes
    assert text[q.start:q.end] == q.text
    assert text[q.speaker_start:q.speaker_end] == "Lin Jian"
    assert q.speaker_role == "Chinese foreign ministry spokesperson"
    assert q.cue == "said" and q.speaker_kind == "person" and q.speaker_id == "s_lin-jian"
    assert q.partial is False


def test_truncated_article_does_not_fail():
    text = ('“We will hunt down every one of them, the army chief said as the funeral prayers were held in\n'
            'Rawalpindi on Sunday. Officials said the death toll stood at 23')
    quotes, sources = analyse([Article(id="a", path="a.txt", text=text)], DEFAULT_SPACY_MODEL)
    assert len(quotes) == 1 and quotes[0].text.startswith("We will hunt")


# ---- transcripts: a speaker label gives the speaker of the words after it ---------------------
TRANSCRIPT_NPR = ("And we're joined now by Democratic Senator John Hickenlooper of Colorado.\n\n"
                  "JOHN HICKENLOOPER: Oh, of course, Scott. Glad to be with you.\n\n"
                  "SIMON: What kind of action do you think this bill would take on the climate?\n\n"
                  "HICKENLOOPER: Oh, this is without question the most significant climate rescue initiative.\n\n"
                  "SIMON: What would it do, what specific points in the legislation?\n")
TRANSCRIPT_WH = ("Press Briefing by Press Secretary Karine Jean-Pierre and John Kirby\n\n"
                 "MS. JEAN-PIERRE: Good afternoon. Happy Monday.\n\n"
                 "MR. KIRBY: Thanks, Karine. Good afternoon, everybody.\n\n"
                 "So, I just have two updates for you from the Middle East region, with one also related to Ukraine.\n")
TRANSCRIPT_QA = ("U.S. Rep. Larry Bucshon voted in favor of the deal.\n\nThe following is an edited transcript of Bucshon's interview with Courier & Press Editor "
                 "Mizell Stewart III.\n\nQ: What has this class of House freshman accomplished?\n\n"
                 "A: Well, first of all we've changed the focus.\n")
TRANSCRIPT_TIMED = ("Karine Jean-Pierre delivers the White House Press Briefing.\n\nKarine Jean-Pierre (00:03):\n\n"
                    "Hi everybody. Good afternoon, also happy belated Father's Day to all the dads in here.\n\n(01:09)\n"
                    "The administration is going to continue to speak out.\n")
TRANSCRIPT_WRAPPED = ("Transcript of Chair Powell's Press Conference\nMay 3, 2023\n"
                      "CHAIR POWELL. Good afternoon. Before discussing today's meeting, let me comment\n"
                      "briefly on recent developments in the banking sector. We released Vice Chair Barr's Review of the\n"
                      "Federal Reserve's Supervision of Silicon Valley Bank.\n"
                      "From the perspective of monetary policy, our focus remains squarely on our dual\n"
                      "mandate to promote maximum employment.\n")


@pytest.mark.parametrize("text, quote, speaker", [
    (TRANSCRIPT_NPR, "Oh, of course", "John Hickenlooper"),
    (TRANSCRIPT_NPR, "Oh, this is without", "John Hickenlooper"),  # the surname label is the person named before
    (TRANSCRIPT_NPR, "What kind of action", "Simon"),  # a host named nowhere else keeps the label's name
    (TRANSCRIPT_WH, "Good afternoon. Happy", "Karine Jean-Pierre"),  # "MS. JEAN-PIERRE": title kept out
    (TRANSCRIPT_WH, "So, I just have two", "John Kirby"),  # an unlabelled paragraph goes on the turn
    (TRANSCRIPT_QA, "What has this class", "Mizell Stewart III"),  # Q: the interviewer
    (TRANSCRIPT_QA, "Well, first of all", "Larry Bucshon"),  # A: the one interviewed
    (TRANSCRIPT_TIMED, "Hi everybody", "Karine Jean-Pierre"),  # "Name (00:03):" on a line of its own
    (TRANSCRIPT_TIMED, "The administration", "Karine Jean-Pierre"),  # a timestamp does not end the turn
    (TRANSCRIPT_WRAPPED, "Good afternoon. Before", "Powell"),  # "CHAIR POWELL." with hard-wrapped lines
    (TRANSCRIPT_WRAPPED, "From the perspective", "Powell"),
])
def test_transcript_turns(text, quote, speaker):
    assert speaker_for(text, quote) == speaker


def test_transcript_turn_paragraphs():
    pieces = quoted(TRANSCRIPT_WRAPPED)
    assert pieces[0].startswith("Good afternoon.") and pieces[0].endswith("Silicon Valley Bank.")  # wraps joined
    assert pieces[1].startswith("From the perspective")
    assert "(01:09)" not in quoted(TRANSCRIPT_TIMED)


@pytest.mark.parametrize("text", [
    # a caption's label, a form's fields, a dateline: no turns
    "FILE PHOTO: Elon Musk's twitter account is seen on a smartphone in front of the Twitter logo. REUTERS/File Photo",
    "HEADLINE: Senate to Vote on Inflation Reduction Act\nBYLINE: Arash Arabasadi\nNOTE:\nTYPE: TVPKG",
    "WASHINGTON. The Senate voted on Sunday to pass the bill.",
    "UPDATE: The vote has been moved to Thursday.",
    # a one-word place opening the article with a colon is its dateline, though a person's title uses the
    # place's name later on (divergences/dev, a heatwave in Karachi)
    "KARACHI: Jinnah Hospital has reported 31 more cases of heat stroke due to heatwave in Karachi, ARY News "
    "reported on Thursday.\n\nLater, Commissioner Karachi Syed Hasan Naqvi refuted claims of large-scale deaths.",
])
def test_labels_that_are_no_speakers(text):
    assert speakers_of(text) == {}  # with the parse: "File Photo" is no person's name


# ---- the attribution in the neighbouring sentence or paragraph -----------------------------
# A quote whose own sentence names no speaker takes one from its neighbours only when they introduce
# it: a sentence ending in a colon (its main verb's subject speaks, "said in a statement:" or
# "released the following statement:"), a quote of one speaker just before (a run of paragraphs),
# a short attribution sentence right after; a statement set without marks after "X said in a
# written statement:" is X's, up to a paragraph with marks or an attribution of its own.
@pytest.mark.parametrize("text, quote, speaker", [
    ("Pennsylvania U.S. Senator John Fetterman on Thursday released the following statement on Senator "
     "Menendez's visit:\n\n“Unless Senator Menendez is coming today to resign, I am not interested.\n\n"
     "“We're past the point of his tough talk and defiance.”", "Unless Senator", "John Fetterman"),
    ("Pennsylvania U.S. Senator John Fetterman on Thursday released the following statement on Senator "
     "Menendez's visit:\n\n“Unless Senator Menendez is coming today to resign, I am not interested.\n\n"
     "“We're past the point of his tough talk and defiance.”", "We're past", "John Fetterman"),
    ("The FDIC will now work to protect insured deposits.\n\nThe FDIC said in a written statement:\n\n"
     "Silicon Valley Bank, Santa Clara, California, was closed today by the California Department of Financial "
     "Protection and Innovation.\n\nAll insured depositors will have full access to their insured deposits no "
     "later than Monday morning.\n", "All insured depositors", "FDIC"),
    # one who delivers a speech or a statement in the sentence before (divergences/dev, a fraud sentencing)
    ("Before Judge Edward Davila issued his sentence on Friday, Holmes read a speech to the court in which she "
     "tearfully apologised to investors and patients.\n\"I am devastated by my failings.\"", "I am devastated",
     "Holmes"),
    # a quoted sentence set alone after a quoted paragraph, in single marks, is no pull quote but the
    # same speaker's run (divergences/dev, the Giuliani verdict)
    ("After leaving the courtroom, Giuliani insisted he had been right.\n\n‘I have no doubt that my comments were "
     "made and they were supportable and are supportable today,’ he said. \n\n‘I just did not have an opportunity "
     "to present the evidence that we offered.’ \n\nThe jury deliberated for a day.", "I just did", "Giuliani"),
    # the same after a misplaced mark that opens a quote ("the ” huge negative energy”", Belgrade)
    ("President Aleksandar Vucic recognised the ” huge negative energy and anger” directed at the authorities.\n"
     "“All people in the government have to understand the message. We will have to change ourselves,” he told a "
     "press conference on 15 March.", "All people", "Aleksandar Vucic"),
    # the pronoun that is the subject carries the topic on, not a name in a side phrase
    ("Boris Johnson has resigned.\n\nHe resisted calls to quit – including from newly-appointed Chancellor "
     "Nadhim Zahawi – for 48 hours.\n\nSpeaking outside Downing Street, he said: “The reason I have fought so hard "
     "was my duty.”", "The reason", "Boris Johnson"),
])
def test_attribution_from_the_neighbouring_paragraph(text, quote, speaker):
    assert speaker_for(text, quote) == speaker


def test_an_outlets_excerpt_is_no_statement():
    text = ("The AP reports:\n\nWASHINGTON (AP) — Veering away from a default crisis, the House approved a debt "
            "ceiling package late Wednesday.\n\nWith the House vote of 314-117, the bill now heads to the Senate.\n")
    assert speakers_of(text) == {}


@pytest.mark.parametrize("text", [
    # a programme's title after an outlet's possessive is a name, not speech
    "Pence made the comments during a Sunday appearance on CBS’ “Face the Nation,” telling host Margaret Brennan "
    "that he had no plans to testify.",
    # a title set off by commas after the noun it names
    'The book, "A Promised Land," sold millions of copies in its first week.',
    "Her memoir, “Becoming,” was the best-selling book of the year.",
])
def test_titles_in_quotes_are_not_quotes(text):
    assert quoted(text) == []


@pytest.mark.parametrize("text, quote", [
    # title-cased words after a verb of speech and a comma are still speech
    ('The president said, "Make America Great Again," and the crowd cheered.', "Make America Great Again,"),
])
def test_title_cased_speech_after_a_verb_of_speech_is_a_quote(text, quote):
    assert quote in quoted(text)


@pytest.mark.parametrize("text, quote, speaker", [
    # a definite office no named mention holds is the person the sentence before is about
    ("Following her resignation, Sir Keir Starmer has called for an immediate general election.\n\nThe Labour "
     "leader said: “The Conservative Party has shown it no longer has a mandate to govern.”", "The Conservative",
     "Keir Starmer"),
    # a headline's office is the person the story names with it
    ('UK trade department minister: "Truss has my confidence"\n\nBritain\'s trade department minister Greg Hands on '
     "Friday backed Prime Minister Liz Truss.", "Truss has", "Greg Hands"),
    # a pronoun takes the subject of the main clause, not of the clause it reports
    ("On X, Mace claimed that McCarthy “has not lived up to his word.”\n\n“I came here to take difficult votes and "
     "do the right thing,” she added.", "I came here", "Mace"),
    # ...and one who speaks in that sentence before a main-clause subject who does not (divergences/dev, a
    # poisoning trial's sentencing)
    ("Patterson was sentenced Monday morning in Melbourne, where Supreme Court Justice Christopher Beale said she had "
     "inflicted “trauma” on her victims and their families.\n\n“Your failure to exhibit any remorse pours salt into "
     "all the victims' wounds,” he said.", "Your failure", "Christopher Beale"),
    # a pronoun that is the main clause's subject carries the topic on, not a name in a clause it reports...
    ("Justice Beale instead set a non-parole period of 33 years.\n\nHe said the harsh conditions Patterson had "
     "already faced in custody were “weighty considerations”.\n\n“In my view, the only scope for making them count is "
     "by the fixing of a non-parole period,” he said.", "In my view", "Beale"),
    # nested speech inside a transcript turn goes to the one who uttered the inner words
    ("Karine Jean-Pierre delivers the briefing.\n\nKarine Jean-Pierre (00:03):\n\nAs President Biden says, “These "
     "young people are some of the bravest people he knows.” We will keep speaking out.\n",
     "These young people", "Biden"),
])
def test_speaker_by_topic_and_nesting(text, quote, speaker):
    assert speaker_for(text, quote) == speaker


def test_an_adverbial_clauses_pronoun_carries_no_topic():
    # divergences/dev, Maxwell's sentencing: "When she had a chance to speak, Maxwell apologized ... She called
    # meeting Epstein ..., saying, "my association ..."": she is Maxwell, not the judge the "she" before took up
    path = next((Path(__file__).parent / "fixtures/divergences/dev/maxwell_sentencing/articles").glob("02_*"))
    assert speaker_for(path.read_text(encoding="utf-8"), "my association") == "Ghislaine Maxwell"


@pytest.mark.parametrize("text, quote, speaker", [
    # a quote running over paragraphs goes on after a subheading set inside it
    ("Ms Truss made a statement outside Downing Street.\n\nShe said: \"I recognise I cannot deliver the mandate.\n\n"
     "Liz Truss 'apologises' for mistakes as prime minister\n\n\"I am resigning as leader of the Conservative Party.\n\n"
     "\"I will remain as prime minister until a successor has been chosen.\"", "I am resigning", "Truss"),
    # a document speaks for the body named before it, however the parser attached the name
    ("Yellen convened the regulators on Sunday.\n\nA Treasury Department readout noted, “Secretary Yellen expressed "
     "full confidence in banking regulators.”", "Secretary Yellen", "Treasury Department"),
    # ... or named before in full and taken up by the common words of its name (divergences/dev, Dagestan)
    ("The Investigative Directorate of the Investigative Committee for the Republic of Dagestan has opened a case.\n"
     "“All the circumstances of the incident are being established,” the investigative directorate statement reads.",
     "All the", "Republic of Dagestan"),
    # a deck's office is the lede's subject who holds it
    ("‘Them’s the breaks’: Boris Johnson resigns\n\n‘The herd instinct is powerful and when it moves it moves,’ "
     "Conservative party leader says as he steps down\n\nBoris Johnson has resigned as Conservative leader, saying "
     "no one is indispensable.", "The herd instinct", "Boris Johnson"),
])
def test_speaker_across_subheadings_documents_and_decks(text, quote, speaker):
    assert (speaker_for(text, quote) or "").endswith(speaker)


@pytest.mark.parametrize("text, quote, speaker", [
    # a company named by what it makes or is: the company the story names most, not the person
    # quoted last (new dev corpus, the Boeing strike)
    ("Boeing's factory workers walked off the job on Friday. Union leader Jon Holden said members had spoken.\n\n"
     "Boeing said late on Thursday the vote sent a clear message.\n\n“We remain committed to resetting our "
     "relationship with our employees,” the planemaker said in a statement.", "We remain", "Boeing"),
    ("Apple was fined 1.8 billion euros by the EU. Spotify chief Daniel Ek welcomed it.\n\n“We will appeal,” the "
     "iPhone maker said.", "We will", "Apple"),
    ("Apple was fined 1.8 billion euros by the European Commission on Monday, the first fine Apple has faced. "
     "Spotify welcomed the decision.\n\n“We will appeal,” the tech giant said.", "We will", "Apple"),
    # a name that sorts a thing ("an official Hajj permit", which the tagger takes for a person) is no one
    # a pronoun takes up (new dev corpus, the hajj heat deaths)
    ("Mabrouka has been missing since Saturday, her husband Mohammed told AFP on Wednesday.\n\nDue to her lack of "
     "registration and an official Hajj permit, she was unable to access air-conditioned facilities, he explained."
     "\n\nHis words:\n\n\"She’s an elderly woman, exhausted, extremely hot,\" he said.", "She’s", "Mohammed"),
    # "the president" is not the vice president (new dev corpus, the Hegseth confirmation)
    ("President Donald Trump picked Hegseth. Vice President JD Vance cast the tie-breaking vote on Friday. Trump "
     "celebrated the confirmation before Vance's deciding vote was cast. If the no vote of his former ally fazed him, "
     "the president didn't let on.\n\n“Winning is what matters, right?” he said, per CNN.", "Winning",
     "Donald Trump"),
    # a name between the closing mark and the verb of saying, which the parser hangs on the quoted list
    # (new dev corpus, the Ankara prisoner swap)
    ("“They are coming home: Paul Whelan, Evan Gershkovich, Alsu Kurmasheva and Vladimir Kara-Murza,” President Joe "
     "Biden said in a statement.", "They are", "Joe Biden"),
    # a sentence between that takes the speaker up by "she", though the tagger called the name a body
    # (divergences/dev, the UK budget)
    ("“The scale and seriousness of the situation that we have inherited cannot be underestimated,” Reeves said in "
     "the House of Commons on Wednesday. She is the first female chancellor of the exchequer to deliver a budget. "
     "“Any chancellor standing here today would face this reality.”", "Any chancellor", "Reeves"),
    # ...with an age set off by commas after the name (divergences/dev, a protest in Tel Aviv)
    ("“It’s not a judicial reform. It’s a revolution that [is] making Israel go to full dictatorship and I want Israel "
     "to stay a democracy for my kids,” Tamir Guytsabri, 58, told the Reuters news agency.", "It’s not",
     "Tamir Guytsabri"),
    # a body's kind word ending its name makes it a body, whatever the tagger says (Jeju Air crash)
    ("The plane was a Boeing 737-800. Boeing said it was ready to help.\n\nJeju Air has expressed its deep regret. "
     "“We are making every effort to determine the exact cause,” the airline said in a public statement.", "We are",
     "Jeju Air"),
])
def test_a_company_by_its_epithet_and_a_pronoun_by_its_antecedent(text, quote, speaker):
    assert speaker_for(text, quote) == speaker


def test_one_adjective_names_no_author_of_a_document():
    # "the new statement" is not the New York Police Department's
    text = ("The New York Police Department was at the scene.\nThe mayor issued a statement later.\n“We are grieving,” "
            "the new statement reads.")
    assert speaker_for(text, "We are grieving") != "New York Police Department"


@pytest.mark.parametrize("text, quote, speaker", [
    # ", saying" after a reported clause is said by the one who reports it, not by the clause's subject
    ("Rep. Matt Gaetz suggested House Majority Leader Steve Scalise should be the next speaker, saying, “The best way "
     "to advance the conservative agenda is to move forward with a new speaker.”", "The best way", "Matt Gaetz"),
    # a surname the tagger read as a plural noun at a sentence's start is still the person
    ("Former Vice President Mike Pence spoke on Tuesday.\n\nPence — without naming Trump — offered comments on the "
     "indictment. “Today’s indictment serves as an important reminder,” he said.", "Today’s indictment", "Mike Pence"),
])
def test_speaker_of_participles_and_misread_names(text, quote, speaker):
    assert speaker_for(text, quote) == speaker


def test_an_unidentified_voice_is_no_source():
    from auditor.read import analyse as read

    text = ("SELYUKH: Good morning.\n\nUNIDENTIFIED PERSON #1: Senators voting in the affirmative - Barrasso, "
            "Blackburn.\n\nSELYUKH: The Senate voted all night.\n")
    quotes, sources = read([Article(id="t", path="t.txt", text=text)], DEFAULT_SPACY_MODEL)
    assert any(q.speaker == "Unidentified Person #1" for q in quotes)
    assert not any("Unidentified" in s.name for s in sources)


CAPTIONED_EXCHANGE = (
    "FILE PHOTO: George Kurtz, president CEO and Co-Founder at CrowdStrike speaks at the WSJTECH live conference "
    "in California, U.S., February 13, 2023. REUTERS/Brendan McDermid/File Photo\n"
    "HOST: How did this happen? Tell us what went wrong this morning for everyone.\n"
    "KURTZ: We are deeply sorry for the impact that we have caused to customers and partners.\n"
    "FILE PHOTO: A screen shows an error at an airport in Tokyo, Japan, on Friday, July 19, 2024, in a long caption.\n"
    "HOST: And what next for the company and its many customers this week?\n")


def test_picture_caption_is_no_turn_and_ends_one():
    """A "FILE PHOTO:" caption, repeated among speaker labels, is neither a speaker's turn nor part of
    the turn before it."""
    pieces = quoted(CAPTIONED_EXCHANGE)
    assert not any(p.startswith("George Kurtz, president") for p in pieces)
    assert not any("A screen shows an error" in p for p in pieces)
    assert any(p.startswith("We are deeply sorry") for p in pieces)


def test_a_place_after_an_inverted_verb_is_no_speaker():
    """The inverted order names who spoke; a place there is no one ("“...”, reported Paris.")."""
    assert speaker_for("“It was cold”, reported Paris.", "It was cold") is None
