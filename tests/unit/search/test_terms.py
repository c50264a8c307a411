"""search/terms.py: text into the terms search matches (search.js does the same; tests/browser/test_search.py compares)."""

from __future__ import annotations

from podium.search import terms


def test_words_are_lower_case_without_accents_and_in_compatibility_form():
    assert list(terms.split("Zürich, São Paulo; ＡＢＣ and Ǆ")) == ["zurich", "sao", "paulo", "abc", "and", "dz"]


def test_punctuation_and_underscores_part_words():
    assert list(terms.split("COVID-19 (2019–2020) a_b e.g.")) == ["covid", "19", "2019", "2020", "a", "b", "e", "g"]


def test_chinese_runs_give_their_pairs_of_characters():
    assert list(terms.split("中国的扶贫")) == ["中国", "国的", "的扶", "扶贫"]
    assert list(terms.split("扶")) == ["扶"]


def test_chinese_next_to_latin_is_a_run_of_its_own():
    assert list(terms.split("COVID-19疫情下")) == ["covid", "19", "疫情", "情下"]


def test_japanese_keeps_its_voicing_marks():
    # ガ is カ with a voicing mark: another letter, not an accent.
    assert list(terms.split("ガイド")) == ["ガイ", "イド"]
    assert list(terms.split("カイド")) != list(terms.split("ガイド"))


def test_arabic_vowel_signs_are_dropped_like_accents():
    assert list(terms.split("سِيَاسَة")) == list(terms.split("سياسة")) == ["سياسة"]


def test_stemmers_for_the_languages_that_have_one():
    assert terms.stemmer("en-AU")(["policies", "policy"]) == ["polici", "polici"]
    assert terms.stemmer("de")(["programme", "programm"]) == ["programm", "programm"]
    assert terms.stemmer("zh-Hans") is None and terms.stemmer("ja") is None
