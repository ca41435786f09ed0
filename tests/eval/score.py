"""Scores an evaluation set written blind (from the seeds alone) against the engine on the shipped data.

Three numbers per set, as the project reports them:
- right fact on top: answerable questions answered with one of the expected facts first, in the set's language
  (a set named fr-*.yaml must be answered in French, en-*.yaml in English);
- traps declined or partial: trap and off-topic questions not answered as if a fact held the answer (an
  answerable question no curated fact holds, `expect: []`, counts here: declining it is right);
- wrong answers: questions answered with a fact that does not answer them (any kind), over all questions.

Run: `.venv/bin/python -m tests.eval.score tests/eval/blind/round3/en-tuning.yaml [--misses]`. `--misses` lists
what went wrong, and is refused on a holdout file: a holdout is scored once at the end and never tuned on.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.core.desk import Desk

ANSWERABLE = "answerable"


@dataclass
class Score:
    answerable: int = 0
    right: int = 0
    traps: int = 0
    declined: int = 0
    wrong: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)
    lang: str | None = None  # the language answers must come in, when the set has one

    @property
    def right_share(self) -> float:
        return self.right / self.answerable if self.answerable else 1.0

    @property
    def declined_share(self) -> float:
        return self.declined / self.traps if self.traps else 1.0

    @property
    def wrong_share(self) -> float:
        return self.wrong / self.total if self.total else 0.0

    def line(self) -> str:
        language = f", answered in {self.lang}" if self.lang else ""
        return (f"right fact on top{language} {self.right}/{self.answerable} ({self.right_share:.1%}); traps "
                f"declined or "
                f"partial {self.declined}/{self.traps} ({self.declined_share:.1%}); wrong answers "
                f"{self.wrong}/{self.total} ({self.wrong_share:.1%})")


def load(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def status_of(answer) -> str:
    return getattr(answer, "status", "answered" if answer.answered else "declined")


def set_language(path: Path) -> str | None:
    """fr-tuning.yaml -> 'fr'; a set without a language prefix -> None."""
    prefix = path.name.split("-", 1)[0]
    return prefix if prefix in ("en", "fr") else None


def score(desk: Desk, items: list[dict], lang: str | None = None) -> Score:
    result = Score(lang=lang)
    for item in items:
        answer = desk.answerer.ask(item["q"])
        status = status_of(answer)
        top = answer.hits[0].fact.id if answer.hits else None
        expect = item.get("expect") or []
        result.total += 1
        if item["kind"] == ANSWERABLE and expect:
            result.answerable += 1
            if status == "answered" and top in expect and lang in (None, getattr(answer, "lang", "en")):
                result.right += 1
                continue
            if status == "answered" and top in expect:
                result.misses.append(f"LANG    {item['q']!r}: answered in {answer.lang}, not {lang}")
                continue
            if status == "answered":
                result.wrong += 1
                result.misses.append(f"WRONG   {item['q']!r}: {top} (expected {expect or 'no fact'})")
            else:
                result.misses.append(f"{status.upper():8}{item['q']!r} (expected {expect or 'no fact'})")
        else:
            result.traps += 1
            if status == "answered" and top not in expect:
                result.wrong += 1
                result.misses.append(f"WRONG   trap {item['q']!r}: {top}")
            else:
                result.declined += 1
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description="Score a blind evaluation set.")
    parser.add_argument("sets", nargs="+", type=Path, help="YAML files of questions (tests/eval/blind/*.yaml)")
    parser.add_argument("--misses", action="store_true", help="list the misses (refused for holdout files)")
    args = parser.parse_args()
    if args.misses and any("holdout" in p.name for p in args.sets):
        print("--misses is refused for a holdout: it is scored once and never tuned on.", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        desk = Desk.open(Path(tmp) / "score.db")
        try:
            for path in args.sets:
                result = score(desk, load(path), set_language(path))
                print(f"{path.name}: {result.line()}")
                if args.misses:
                    print("\n".join(f"  {m}" for m in result.misses))
        finally:
            desk.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
