"""Splits a labelled blind round once into a tuning part and a frozen holdout, stratified by kind.

Run: `.venv/bin/python -m tests.eval.split N SEED DATE EN_LABELLED FR_LABELLED` (the labellers' files), which writes
`tests/eval/blind/roundN/{en,fr}-{tuning,holdout}.yaml`. Each kind (answerable, trap, off-topic) is shuffled with
`random.Random(SEED)` and its larger half (rounded up) goes to the holdout; both parts keep the file's order. The
project has used seed 202612030 + N for round N since round 46.
"""

from __future__ import annotations

import argparse
import math
import random
from pathlib import Path

import yaml

BLIND = Path(__file__).resolve().parent / "blind"
KINDS = ("answerable", "trap", "offtopic")
HEADER = """# Blind round-{n} {lang} set, {part} part. Written on {date} by a session that read only
# ../shared/seeds/ (never data/ or the engine; its report gave counts only); labelled with fact ids
# from data/facts by another session that did not run the engine; split once, stratified by kind,
# with random seed {seed}.
"""
FROZEN = "# FROZEN: never tuned on; scored once at the end of the work and reported in the README with its date.\n"


def split(items: list[dict], seed: int) -> tuple[list[dict], list[dict]]:
    """(tuning, holdout): each kind's shuffled larger half to the holdout, both in the items' order."""
    rng = random.Random(seed)
    held: set[int] = set()
    for kind in KINDS:
        at = [i for i, item in enumerate(items) if item["kind"] == kind]
        rng.shuffle(at)
        held.update(at[:math.ceil(len(at) / 2)])
    return ([item for i, item in enumerate(items) if i not in held],
            [item for i, item in enumerate(items) if i in held])


def write(n: int, seed: int, date: str, lang: str, items: list[dict], root: Path = BLIND) -> None:
    out = root / f"round{n}"
    out.mkdir(parents=True, exist_ok=True)
    tuning, holdout = split(items, seed)
    for part, chosen in (("tuning", tuning), ("holdout", holdout)):
        head = HEADER.format(n=n, lang=lang.upper(), part=part, date=date, seed=seed)
        body = yaml.safe_dump(chosen, allow_unicode=True, sort_keys=False, width=120)
        (out / f"{lang}-{part}.yaml").write_text(head + (FROZEN if part == "holdout" else "") + body, "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description="Split a labelled blind round once.")
    parser.add_argument("round", type=int)
    parser.add_argument("seed", type=int)
    parser.add_argument("date", help="the day the round was written, YYYY-MM-DD")
    parser.add_argument("en", type=Path, help="the English labeller's file")
    parser.add_argument("fr", type=Path, help="the French labeller's file")
    args = parser.parse_args()
    for lang, path in (("en", args.en), ("fr", args.fr)):
        write(args.round, args.seed, args.date, lang, yaml.safe_load(path.read_text(encoding="utf-8")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
