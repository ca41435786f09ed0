"""Fixtures the deadline and reminder tests share: a desk on the smallest valid data, and a clock stopped at
1 March 2026, 12:00 UTC, that tests move with time-machine."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import time_machine

from bot.core.desk import Desk
from tests.conftest import write_court_data

T0 = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def desk(tmp_path: Path):
    desk = Desk.open(tmp_path / "desk.db", data_root=write_court_data(tmp_path / "data"))
    yield desk
    desk.close()


@pytest.fixture
def clock():
    with time_machine.travel(T0, tick=False) as traveller:
        yield traveller
