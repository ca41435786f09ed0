"""A fact's words as (word, stem) pairs, and where phrases of stems occur among them: how bot.core.holds and
bot.core.fact_dates read a fact word by word, beside the search index that finds it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from bot.core.text import ENGLISH, Pipeline, fold

TOKEN = re.compile(r"[\w][\w'’-]*")


Expand = Callable[[tuple[str, ...]], Iterable[tuple[str, ...]]]


@lru_cache(maxsize=4096)
def fact_tokens(text: str, language: Pipeline = ENGLISH) -> tuple[tuple[str, str], ...]:
    """(original word, stem) in order; a French elision counts as the word after it ("d'États": États), and
    a closing apostrophe is no elision ("Lawyers' Rights Watch": Lawyers). Remembered: the same facts are checked
    for question after question."""
    part = -1 if language.lang == "fr" else 0
    return tuple((w, language.stem(fold(w).replace("’", "'").rstrip("'").split("'")[part]))
                 for w in TOKEN.findall(text))


def phrase_positions(tokens: Sequence[tuple[str, str]], phrases: Iterable[tuple[str, ...]]) -> list[int]:
    """Where each phrase (a sequence of stems) starts in `tokens`."""
    stems, starts = _stem_index(tuple(tokens))
    found = []
    for phrase in phrases:
        n = len(phrase)
        found += [i for i in starts.get(phrase[0], ()) if tuple(stems[i:i + n]) == phrase] if phrase else []
    return found


@lru_cache(maxsize=4096)
def _stem_index(tokens: tuple[tuple[str, str], ...]) -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]]:
    """The stems of `tokens` and where each stem occurs (remembered: the same facts are read question after
    question; as tuples, which the garbage collector stops walking once it has seen them, unlike lists)."""
    stems = tuple(s for _, s in tokens)
    starts: dict[str, list[int]] = {}
    for i, stem in enumerate(stems):
        starts.setdefault(stem, []).append(i)
    return stems, {stem: tuple(at) for stem, at in starts.items()}


@lru_cache(maxsize=64)
def stem_set(words: tuple[str, ...] | frozenset[str], language: Pipeline = ENGLISH) -> frozenset[str]:
    """A fixed word list (verbs of saying, of calling, names of firms ...) as the language's stems, made once."""
    return frozenset(language.stem(w) for w in words)


@lru_cache(maxsize=256)
def asked_stems(question: str, language: Pipeline) -> frozenset[str]:
    """The question's words as stems: read once per question, not once per fact checked against it. Its tokens
    keep a possessive "'s" ("amnesty's"), which `fact_dates._question_stems` reads off; the two are not merged
    because that would change answers."""
    return frozenset(language.stem(fold(w)) for w in TOKEN.findall(question))
