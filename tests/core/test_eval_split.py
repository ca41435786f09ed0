"""The blind-round split: stratified by kind, the larger half of each kind frozen, the same seed the same split."""

from __future__ import annotations

import yaml

from tests.eval.split import split, write


def items() -> list[dict]:
    kinds = ["answerable"] * 7 + ["trap"] * 4 + ["offtopic"] * 3
    return [{"q": f"question {i}", "lang": "en", "kind": kind, "expect": []} for i, kind in enumerate(kinds)]


def test_each_kind_is_split_with_its_larger_half_frozen() -> None:
    tuning, holdout = split(items(), 7)
    for kind, held in (("answerable", 4), ("trap", 2), ("offtopic", 2)):
        assert sum(i["kind"] == kind for i in holdout) == held
        assert sum(i["kind"] == kind for i in tuning) + held == sum(i["kind"] == kind for i in items())
    assert {i["q"] for i in tuning}.isdisjoint(i["q"] for i in holdout)


def test_the_same_seed_gives_the_same_split_and_another_seed_another() -> None:
    assert split(items(), 7) == split(items(), 7)
    assert split(items(), 7) != split(items(), 8)


def test_written_parts_keep_order_and_say_how_they_were_made(tmp_path) -> None:
    write(999, 7, "2026-12-05", "en", items(), root=tmp_path)
    holdout_text = (tmp_path / "round999" / "en-holdout.yaml").read_text()
    assert "with random seed 7." in holdout_text and "# FROZEN:" in holdout_text
    loaded = yaml.safe_load(holdout_text)
    numbers = [int(i["q"].split()[1]) for i in loaded]
    assert numbers == sorted(numbers)
