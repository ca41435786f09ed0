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
import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

COMMON = 300  # occurrences in the package's corpus above which a word counts as ordinary vocabulary

# A set of words kept as a dict's keys. A dict holding only strings is one the garbage collector never walks; a
# frozenset it walks whole at every full collection. The answering process keeps tens of thousands of words
# (dictionaries, every cached fact's stems) for its whole life: as frozensets, a full collection at 10,000 facts
# took about 25 ms, paid by whichever question was being answered. Test membership with `in`.
WordSet = dict[str, None]


def word_set(items: Iterable[str]) -> WordSet:
    return dict.fromkeys(items)


LETTERS = "abcdefghijklmnopqrstuvwxyz"


class _Dictionary(NamedTuple):
    counts: dict[str, int]  # the ordinary words (more than COMMON occurrences)
    accented: dict[str, str]  # French: a folded word whose ending carries an accent -> its usual spelling
    verbs: WordSet  # French: the verbs in -er, folded


@cache
def _counts(lang: str) -> dict[str, int]:
    return _read(lang).counts


@cache
def _read(lang: str) -> _Dictionary:
    """One pass over the shipped dictionary; the whole of it is not kept. Only French needs the accented
    spellings and the verbs."""
    data = resources.files("spellchecker").joinpath("resources", f"{lang}.json.gz").read_bytes()
    counts: dict[str, int] = json.loads(gzip.decompress(data))
    ordinary = {word: count for word, count in counts.items() if count > COMMON}
    if lang != "fr":
        return _Dictionary(ordinary, {}, {})
    spelt: dict[str, tuple[str, int]] = {}
    for word, count in counts.items():
        if _ACCENTED_ENDING.search(word):
            bare = _bare(word)
            if count >= counts.get(bare, 0) and count > spelt.get(bare, ("", 0))[1]:
                spelt[bare] = (word, count)
    return _Dictionary(ordinary, {bare: word for bare, (word, _) in spelt.items()},
                       word_set(_bare(word) for word in counts if word.endswith("er")))


def verb_form(word: str) -> bool:
    """A folded French verb in the third person plural whose infinitive in -er is a dictionary word ("fragilisent",
    "sapent"): how a member says what happened, however rare the verb, not a name the store lacks."""
    return len(word) > 5 and word.endswith("ent") and word[:-3] + "er" in _read("fr").verbs


def _bare(word: str) -> str:
    """A dictionary word (lower case, no apostrophes) without its accents: what bot.core.text.fold makes of it."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


# endings whose accent the French stemmer reads: "visées", "première" ("visees", "premiere" once folded)
_ACCENTED_ENDING = re.compile(r"(é|ée|és|ées|ère|ères|èrent)$")


def accented(word: str) -> str:
    """The usual accented spelling of a folded French word whose ending carries an accent ("visees" -> "visées"),
    or the word itself: members type without accents, and the stored text is folded before it is stemmed."""
    return _read("fr").accented.get(word, word)


@cache
def ordinary_words(lang: str = "en") -> WordSet:
    return word_set(_counts(lang))


def load(lang: str) -> None:
    """Read the language's dictionary now (0.1 s), not at the first question that needs it: its word list, made
    from the counts, reads the whole of it (French spellings and verbs too)."""
    ordinary_words(lang)


@lru_cache(maxsize=65536)
def correction(word: str, lang: str = "en") -> str | None:
    """The most frequent ordinary word one edit away (a letter dropped, added, swapped or changed): a typo the
    store's own words cannot catch because the store holds the word only as a shorter stem ("cooperaton" ->
    "cooperation" -> "cooper")."""
    counts = _counts(lang)
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = ({a + b[1:] for a, b in splits if b}
             | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
             | {a + c + b[1:] for a, b in splits if b for c in LETTERS}
             | {a + c + b for a, b in splits for c in LETTERS})
    known = [e for e in edits if e in counts and e != word]
    return max(known, key=lambda e: (counts[e], e)) if known else None


def is_ordinary(word: str, lang: str = "en") -> bool:
    """A word of the language's frequency list; in English also its -s form ("suspends", "fines", "agencies"),
    which the list often leaves out."""
    known = ordinary_words(lang)
    if word in known:
        return True
    if lang != "en" or len(word) < 4 or not word.endswith("s"):
        return False
    return word[:-1] in known or (word.endswith("es") and word[:-2] in known) or (
        word.endswith("ies") and word[:-3] + "y" in known)
