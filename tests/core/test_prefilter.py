"""Patterns skipped over texts holding none of the words they need (bot.core.prefilter) match exactly as the
compiled patterns do."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.core import intent, persons_asked, question_kinds
from bot.core.prefilter import Gated, needed
from bot.core.text import fold, words

BLIND = Path(__file__).resolve().parents[1] / "eval" / "blind"


def spans(found: re.Match[str] | None) -> tuple | None:
    return None if found is None else (found.span(), found.groups())


def test_what_a_pattern_needs_is_read_from_each_alternative() -> None:
    assert needed(re.compile(r"\b(?:who|whom) (?:is|was)\b")) == {"who"}
    assert needed(re.compile(r"\bwhy\b|\breasons? (?:for|behind)\b")) == {"why", "reason"}
    # the parser takes the common start out of "pourquoi|pk|pq": it is put back
    assert needed(re.compile(r"\b(pourquoi|pk|pq)\b")) == {"pourquoi", "pk", "pq"}
    assert needed(re.compile(r"(?i:name) of")) == {" of"}, "only the part that ignores case is left out"


@pytest.mark.parametrize("pattern", [r"\bwho\b|^", r"(?:what)?", r"\w+", r"[ab]\d", r"(?i:name)",
                                     r"\bqu(?:i|e)\b|x", r"(?i)\bso far\b"])
def test_a_pattern_that_needs_nothing_for_certain_is_always_run(pattern: str) -> None:
    # it can match the empty text, or only letters one at a time, or it ignores case (Unicode's rules too: "ſo far")
    assert needed(re.compile(pattern)) is None
    assert Gated(re.compile(pattern)).may_match("nothing it needs")


def test_a_gated_pattern_answers_as_the_compiled_one() -> None:
    compiled = re.compile(r"\b(?P<who>who|whom) (?:is|was) (?P<rest>.*)")
    pattern = Gated(compiled)
    for text in ("who is the ASP president", "and whom was it", "nobody asked", "", "WHO IS"):
        assert spans(pattern.search(text)) == spans(compiled.search(text))
        assert spans(pattern.fullmatch(text)) == spans(compiled.fullmatch(text))
    assert not pattern.may_match("nobody asked") and pattern.may_match("who is")


def test_the_engine_s_gated_patterns_match_as_compiled_over_members_questions() -> None:
    # every pattern reading a question that is gated, over the blind tuning questions of ten rounds, as typed, folded
    # and as words
    texts = set()
    for path in sorted(BLIND.glob("round*/*-tuning.yaml"))[:20]:
        for item in yaml.safe_load(path.read_text()):
            texts |= {item["q"], fold(item["q"]), " ".join(words(item["q"].replace("'", " ")))}
    engine = [*(p for _, p in question_kinds._KINDS), question_kinds.WHICH_COUNTRY, intent._STANDS,
              intent._SAID_PAST, persons_asked._NAME_OF]
    assert len(texts) > 2000 and all(isinstance(p, Gated) and p.needs for p in engine[:3])
    for pattern in engine:
        assert [spans(pattern.search(t)) for t in sorted(texts)] == \
            [spans(pattern.compiled.search(t)) for t in sorted(texts)], pattern.compiled.pattern[:60]
