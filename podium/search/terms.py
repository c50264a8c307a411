"""Text into search terms, the same way here (indexing) as in the browser (assets/podium/search.js).

A term is a word folded for matching: lower case, without accents ("Zürich" and
"zurich" meet; Japanese voicing marks are kept: が is not か), ß as ss, in compatibility form
(full-width "ＡＢＣ" is "abc"). Chinese and Japanese have no spaces between words, so a
run of their characters gives its overlapping pairs of characters ("扶贫与" gives "扶贫"
and "贫与"), as Lucene's CJK analyser does: a two-character word of a title then finds it
without a dictionary, and the browser needs none either.

Stemming happens here only: the index files each word under every form of it that the
site uses (a search for "policies" finds "policy"), so the browser never stems.
search.js repeats fold() and split() (its terms()); tests/browser/test_search.py holds them equal.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import snowballstemmer

# Han (with its extensions and compatibility forms), the iteration mark 々, Hiragana and Katakana.
_CJK = "\u3005\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_WORD = re.compile(r"[^\W_]+")
_RUNS = re.compile(f"[{_CJK}]+|[^{_CJK}]+")
_IS_CJK = re.compile(f"[{_CJK}]")
_VOICING = {"\u3099", "\u309a"}  # Japanese voiced and semi-voiced sound marks: part of the letter
# Snowball's stemmers for the languages Podium speaks that have one (Chinese and Japanese do not).
_STEMMERS = {"en": "english", "de": "german", "fr": "french", "es": "spanish", "pt": "portuguese", "ar": "arabic"}


# Letters that no accent makes, written as people type them without them: "Straße" and
# "strasse", "Ærø" and "aero", "Łódź" and "lodz" meet. (ü typed "ue" is search.js's.)
_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"})


def fold(text: str) -> str:
    """`text` as search compares it: lower case, compatibility forms, no accents, letters
    such as ß and ø as typed without them."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered.translate(_LETTERS))
    return unicodedata.normalize("NFC", decomposed.translate(_marks()))


@functools.cache
def _marks() -> dict[int, None]:
    """Every combining mark (accents, Arabic vowel signs), to be deleted, but the Japanese voicing marks."""
    return {
        code: None
        for code in (*range(0x30000), *range(0xE0100, 0xE01F0))  # the planes that have marks
        if unicodedata.category(chr(code)).startswith("M") and chr(code) not in _VOICING
    }


def split(text: str) -> list[str]:
    """The search terms of `text`, in order: its words, and pairs of Chinese or Japanese characters."""
    folded = fold(text)
    if not _IS_CJK.search(folded):
        return _WORD.findall(folded)
    found: list[str] = []
    for word in _WORD.findall(folded):
        for run in _RUNS.findall(word):
            if not _IS_CJK.match(run) or len(run) == 1:
                found.append(run)
            else:
                found.extend(run[i : i + 2] for i in range(len(run) - 1))
    return found


def is_cjk(term: str) -> bool:
    return bool(_IS_CJK.match(term))


@functools.cache
def stemmer(language: str):
    """A function from words to their stems in the site's `language`, or None where Snowball has no stemmer."""
    algorithm = _STEMMERS.get(language.split("-")[0].lower())
    if algorithm is None:
        return None
    return snowballstemmer.stemmer(algorithm).stemWords
