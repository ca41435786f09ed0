"""Ordinary words of a language, to tell a paraphrase from a subject.

A word the fact store has never seen either says *how* a member asks ("ditch", "slap", "hit back at") or names
*what* they ask about ("Netanyahu", "weather"). The first must not veto an answer the rest of the question
finds; the second must. Common dictionary words with other well-matched words around them are read as the
first kind; names and rare words as the second. The word lists are pyspellchecker's frequency dictionaries
(shipped inside the package: nothing is downloaded), loaded on first use.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources

COMMON = 300  # occurrences in the package's corpus above which a word counts as ordinary vocabulary


@cache
def ordinary_words(lang: str = "en") -> frozenset[str]:
    data = resources.files("spellchecker").joinpath("resources", f"{lang}.json.gz").read_bytes()
    counts: dict[str, int] = json.loads(gzip.decompress(data))
    return frozenset(word for word, count in counts.items() if count > COMMON)


def is_ordinary(word: str, lang: str = "en") -> bool:
    return word in ordinary_words(lang)
