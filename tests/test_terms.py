"""Prison terms imposed, read with the person they are imposed on (real sentences of the dev sets)."""
from __future__ import annotations

import pytest

from auditor.read import terms


@pytest.mark.parametrize("sentence, category, years", [
    # divergences/dev, Bankman-Fried sentencing
    ("Judge Lewis Kaplan on Thursday sentenced Bankman-Fried to 25 years in prison.", "term:bankman-fried", 25.0),
    ("A federal judge in New York on Thursday sentenced Sam Bankman-Fried to 25 years in prison.",
     "term:bankman-fried", 25.0),
    # divergences/dev, Ankara prisoner swap
    ("Kurmasheva was sentenced to six and a half years.", "term:kurmasheva", 6.5),
    ("Alsu Kurmasheva was jailed for 18 months.", "term:kurmasheva", 1.5),
    # a pronoun's term waits for its holder from the sentence before
    ("He was subsequently sentenced to 16 years in a high-security Russian prison.", "term:?", 16.0),
])
def test_a_term_imposed_is_read_with_its_holder(nlp, sentence, category, years):
    (q,) = terms.terms(nlp(sentence), 0, 0, len(sentence))
    assert (q.category, q.value, q.unit) == (category, years, "years")


@pytest.mark.parametrize("sentence", [
    # terms asked for, faced or possible are no terms imposed
    "Prosecutors had asked for 40 to 50 years.",
    "Prosecutors sought to have him sentenced to 50 years.",
    "He could be sentenced to 20 years in prison.",
    "Menendez faces up to 20 years if convicted.",
    # a term with nobody named as its holder
    "The court sentenced the defendants to 10 years.",
    # a duration that is no term
    "Gershkovich was in a Russian prison for 16 months.",
])
def test_terms_not_imposed_or_without_a_holder_are_not_read(nlp, sentence):
    assert terms.terms(nlp(sentence), 0, 0, len(sentence)) == []


@pytest.mark.parametrize("previous, category", [
    ("Gershkovich, a Wall Street Journal reporter in Russia, was arrested in March 2023 on espionage charges.",
     "term:gershkovich"),
    # the sentence before is about no person by name: the term is not read rather than given to anyone
    ("The swap took place in Ankara.", None),
])
def test_a_pronouns_term_is_the_previous_subjects(nlp, previous, category):
    sentence = "He was subsequently sentenced to 16 years in a high-security Russian prison."
    found = terms.with_holders(terms.terms(nlp(sentence), 0, 0, len(sentence)), nlp(previous))
    assert [q.category for q in found] == ([category] if category else [])


@pytest.mark.parametrize("sentence, category, years", [
    # new dev corpus, the Adams indictment: the most a person faces is that maximum, one figure
    ("Adams is facing the possibility of up to 40 years in prison after being charged with bribery.",
     "term:maximum:adams", 40.0),
    ("Menendez faces up to 20 years if convicted.", "term:maximum:menendez", 20.0),
    ("He could face a maximum of 45 years in prison.", "term:maximum:?", 45.0),
])
def test_the_most_a_person_faces_is_read_as_that_maximum(nlp, sentence, category, years):
    (q,) = terms.maximum_terms(nlp(sentence), 0, 0, len(sentence))
    assert (q.category, q.value, q.low, q.high) == (category, years, years, years)


@pytest.mark.parametrize("sentence", [
    "Adams does not face prison time.",
    "The city faces up to 40 inches of snow.",   # no person, and no term
    "He faces charges of bribery.",              # no term
])
def test_no_maximum_without_a_term_and_a_person(nlp, sentence):
    assert terms.maximum_terms(nlp(sentence), 0, 0, len(sentence)) == []
