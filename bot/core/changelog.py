"""What the writes to the fact store changed, generation by generation.

Caches built from the store (answering's term counts and typo guesses, in this process or in the answering
process) compare generations to know when to refresh, and forget only the stems a write touched. The answering
process keeps a copy that follows the writer's (`follow`), so the same rule holds there.
"""

from __future__ import annotations

MAX_CHANGES = 1000  # recent writes remembered for caches that update by what changed

Change = tuple[int, frozenset[str]]  # (generation, stems a write touched)


class ChangeLog:
    def __init__(self) -> None:
        self.generation = 0  # bumped on every write
        self._recent: list[Change] = []  # newest last; a bulk change (touched unknown) leaves no entry

    def bump(self, touched: frozenset[str] | None = None) -> None:
        """A committed write. None: what changed is not known, and caches start again."""
        self.generation += 1
        if touched is not None:
            self._recent = [*self._recent[-(MAX_CHANGES - 1):], (self.generation, touched)]

    def since(self, generation: int) -> set[str] | None:
        """The stems writes touched after `generation`, or None when that is not known (a bulk change, or more
        writes than are remembered): then a cache must start again."""
        if generation < 0 or generation == self.generation:
            return None if generation < 0 else set()
        later = [terms for gen, terms in self._recent if gen > generation]
        if len(later) != self.generation - generation:
            return None
        return set().union(*later)

    def between(self, after: int, upto: int) -> list[Change]:
        """The remembered writes after generation `after`, up to `upto`: what a copy needs to follow them."""
        return [(gen, terms) for gen, terms in self._recent if after < gen <= upto]

    def follow(self, generation: int, changes: list[Change]) -> None:
        """Bring a copy that never writes (the answering process's) to the writer's generation, with its changes
        (from `between`); a bulk change is absent from them, and its absence makes `since` say start again."""
        if generation != self.generation:
            self._recent = [*self._recent, *changes][-MAX_CHANGES:]
            self.generation = generation
