"""Long hand-written patterns that are not run over a text holding none of the words they need.

Reading a question runs a few dozen long patterns ("who", "name of", "c'est qui", ... for a person), and most of
them match nothing. Python's engine tries every alternative at every position of the text: about 45 µs for the
person pattern on a question of 100 characters, about 250 µs for all of a question's kinds, though the text holds
none of the words any alternative needs. So each pattern is read once, when the module that holds it loads, for
the strings one of which any match must contain (from each alternative, the longest run of plain characters it
cannot do without); a text that holds none of them cannot match and is not searched. A pattern that cannot be read
so (one that can match the empty text, or one that ignores case) is always run.
"""

from __future__ import annotations

import re
from re import _constants as sre  # the standard library's own parser: no public interface walks a pattern
from re import _parser

Needs = frozenset[str] | None  # None: nothing can be said, the pattern must run
MIN_NEEDED = 2  # a single letter is in nearly every text


def needed(pattern: re.Pattern[str]) -> Needs:
    """Strings one of which every match of `pattern` contains, or None."""
    if pattern.flags & re.IGNORECASE:  # its literals would match in any case, and Unicode's ("ſ" for "s")
        return None
    return _in_sequence(list(_parser.parse(pattern.pattern, pattern.flags)))


def _in_sequence(items: list) -> Needs:
    """What a sequence needs: the most telling of what each part it cannot do without needs (the longest shortest
    string), runs of literal characters counted as one part."""
    options: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if len(run) >= MIN_NEEDED:
            options.append(frozenset({"".join(run)}))
        run.clear()

    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if op is sre.BRANCH and run:  # the parser takes a common start out of alternatives: "p(?:ourquoi|k|q)"
            joined = frozenset("".join(run) + _leading(list(alternative)) for alternative in av[1])
            if min(map(len, joined)) >= MIN_NEEDED:
                options.append(joined)
        close_run()
        need: Needs = None
        if op is sre.SUBPATTERN and not av[1] & re.IGNORECASE:  # (group, add flags, del flags, items)
            need = _in_sequence(list(av[3]))
        elif op is sre.BRANCH:
            each = [_in_sequence(list(alternative)) for alternative in av[1]]
            need = None if any(n is None for n in each) else frozenset().union(*each)  # type: ignore[arg-type]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            need = _in_sequence(list(av[2]))
        elif op is sre.ATOMIC_GROUP:
            need = _in_sequence(list(av))
        if need:  # anything else (a boundary, a lookaround, a class of characters) needs nothing for certain
            options.append(need)
    close_run()
    return max(options, key=lambda o: (min(map(len, o)), -len(o))) if options else None


def _leading(items: list) -> str:
    """The literal characters an alternative begins with."""
    lead = []
    for op, av in items:
        if op is not sre.LITERAL:
            break
        lead.append(chr(av))
    return "".join(lead)


class Gated:
    """A compiled pattern and what it needs: `search` and `fullmatch` as re.Pattern's, answered at once for a text
    that holds none of it."""

    __slots__ = ("compiled", "needs")

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self.compiled = compiled
        self.needs = needed(compiled)

    def may_match(self, text: str) -> bool:
        return self.needs is None or any(need in text for need in self.needs)

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text) if self.may_match(text) else None

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(text) if self.may_match(text) else None


def gated(pattern: str, flags: int = 0) -> Gated:
    return Gated(re.compile(pattern, flags))
