"""The store's vocabulary for answering: how many facts hold a term, and the store's word a typo most likely
meant. Both are cached and kept up to date by what changed, never rebuilt from scratch after an edit: a write
reports the terms it touched (`FactStore.changes.since`), and only those are looked up again.

Typo guesses compare a word only with store words of similar length (fuzz.ratio >= 80 cannot hold otherwise)
that share its first or its second letter (a typo rarely touches both), and each guess is remembered, so a long
question of unknown words costs a few small lookups, not a scan of the vocabulary per word.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from rapidfuzz import fuzz, process

from bot.core.db import Database

TYPO_SCORE = 80
MAX_CACHE = 100_000
PREFIXES = ("co", "non", "re", "un", "anti", "ex", "pre")


class Vocabulary:
    def __init__(self, db: Database, table: str = "fact_vocab") -> None:
        self.db = db
        self.table = table  # the fts5vocab table of one language's index
        self._df: dict[str, int] = {}
        self._by_length: dict[tuple[int, int, str], dict[str, None]] | None = None  # ordered sets
        self._guesses: dict[str, str | None] = {}

    def forget(self, terms: Iterable[str] | None) -> None:
        """Terms whose counts changed (None: anything may have changed)."""
        if terms is None:
            self._df.clear()
            self._by_length = None
        else:
            terms = set(terms)
            for term in terms:
                self._df.pop(term, None)
            if self._by_length is not None:
                for term in terms:
                    if term.isalpha() and term[:1].isascii():
                        self._add(term)
        self._guesses.clear()

    def doc_freq(self, terms: set[str]) -> dict[str, int]:
        """How many facts hold each term (absent: not in the store). fts5vocab answers `term = ?` from the index
        but scans the whole vocabulary for `IN`, hence the UNION of single lookups."""
        missing = sorted(t for t in terms if t not in self._df)
        if missing:
            if len(self._df) > MAX_CACHE:
                self._df.clear()
            asked = [t for t in missing if self._may_hold(t)]
            sql = " UNION ALL ".join([f"SELECT term, doc FROM {self.table} WHERE term = ?"] * len(asked))
            found = {r[0]: int(r[1]) for r in self.db.query(sql, tuple(asked))} if asked else {}
            for term in missing:
                self._df[term] = found.get(term, 0)
        return {t: self._df[t] for t in terms if self._df.get(t)}

    def guess(self, term: str) -> str | None:
        """The store's word `term` is most likely a typo of, or None."""
        if term in self._guesses:
            return self._guesses[term]
        pools = self.load()
        size = len(term)
        guess, best = None, TYPO_SCORE
        for n in range(max(1, size * 2 // 3), size * 3 // 2 + 2):
            for at in (0, 1):  # each pool apart, not copied into one list (most of a guess's time, measured)
                pool = pools.get((n, at, term[at:at + 1]))
                match = process.extractOne(term, pool.keys(), scorer=fuzz.ratio, score_cutoff=best) if pool else None
                if match and (guess is None or match[1] > best):  # the first of equals, as over one list
                    guess, best = match[0], match[1]
        if guess is None:  # a prefix written without its hyphen: "cosponsor", "nonmember", "reelected"
            rest = next((term[len(p):] for p in PREFIXES if term.startswith(p) and len(term) - len(p) >= 4), None)
            guess = rest if rest and self.doc_freq({rest}) else None
        if len(self._guesses) > MAX_CACHE:
            self._guesses.clear()
        self._guesses[term] = guess
        return self._guesses[term]

    def load(self) -> dict[tuple[int, int, str], dict[str, None]]:
        """The store's words by length and first letters, read at the first typo (or by `Desk.warm`, before any)."""
        if self._by_length is None:
            self._by_length = defaultdict(dict)
            for row in self.db.query(f"SELECT term FROM {self.table} WHERE term GLOB '[a-z]*'"):
                self._add(row[0])
        return self._by_length

    def swapped(self, word: str, stem: Callable[[str], str]) -> str | None:
        """The store's term for `word` with two neighbouring letters swapped back ("presdient": president), the
        commonest typo, which a fuzzy match over stems can miss for a nearer-looking word ("present")."""
        stems = {stem(word[:i] + word[i + 1] + word[i] + word[i + 2:]) for i in range(len(word) - 1)}
        known = self.doc_freq(stems - {stem(word)})
        return max(known, key=known.__getitem__) if known else None

    def _may_hold(self, term: str) -> bool:
        """False for a word of letters that the store's words, once loaded for typos, lack: the index is not asked
        about it (a typo's candidate spellings, a dozen per word, are mostly no word of the store)."""
        pools = self._by_length
        if pools is None or not (term.isalpha() and "a" <= term[:1] <= "z"):
            return True
        return term in pools.get((len(term), 0, term[0]), ())

    def _add(self, term: str) -> None:
        assert self._by_length is not None
        for at in (0, 1):
            self._by_length[(len(term), at, term[at:at + 1])][term] = None
