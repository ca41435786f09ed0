"""Deadlines: strict reading of typed dates, the store with revisions, and the data-file round trip."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import replace
from pathlib import Path

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core import commands
from bot.core.datafiles import dump_yaml, load_yaml
from bot.core.deadlines.dates import check_zone, local_status, parse_when
from bot.core.deadlines.model import deadline_from_record, parse_offsets, validate_deadline_record
from bot.core.deadlines.store import DeadlineStore
from bot.core.desk import Desk
from bot.core.models import InputError
from bot.core.permissions import Actor
from bot.core.registry import Context
from tests.conftest import write_court_data

UTC = dt.UTC
AMS = "Europe/Amsterdam"
NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
MOD = Actor(id="u-mod", name="Mod", guild_id="111", manage_server=True)
MEMBER = Actor(id="u-member", name="Member", guild_id="111")


@pytest.fixture
def desk(tmp_path: Path):
    desk = Desk.open(tmp_path / "desk.db", data_root=write_court_data(tmp_path / "data"))
    yield desk
    desk.close()


def record(**overrides: object) -> dict[str, object]:
    base: dict[str, object] = {"id": "asp25", "title": "25th session of the Assembly", "kind": "session",
                               "start": "2026-12-07 10:00", "zone": AMS, "sources": ["src-a"]}
    base.update(overrides)
    return base


def table_counts(desk: Desk) -> tuple[int, int, int]:
    return tuple(desk.db.query_one(f"SELECT count(*) FROM {t}")[0]  # type: ignore[return-value]
                 for t in ("deadlines", "deadline_revisions", "reminders"))


# --- reading typed dates -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "2026-12-07 10:00", "2026-12-07T10:00", "7 Dec 2026 10:00", "7 December 2026, 10:00", "Monday 7 Dec 2026 10am",
    "Dec 7, 2026 10:00", "December 7 2026 at 10:00", "2026/12/07 10:00",
])
def test_accepted_forms_all_read_the_same(text: str) -> None:
    when = parse_when(text, AMS)
    assert (when.date, when.time, when.all_day) == (dt.date(2026, 12, 7), dt.time(10, 0), False)
    assert when.local == dt.datetime(2026, 12, 7, 10, 0, tzinfo=zoneinfo.ZoneInfo(AMS))
    assert when.reading() == "Monday 7 December 2026, 10:00 Europe/Amsterdam"


def test_date_only_is_all_day() -> None:
    when = parse_when("2026-12-07", AMS)
    assert when.all_day and when.reading() == "Monday 7 December 2026 (all day, Europe/Amsterdam)"
    assert parse_when("7 Dec 2026", AMS) == when


@pytest.mark.parametrize(("text", "expected"), [
    ("03/04/2026", ["4 March 2026", "3 April 2026", "ambiguous"]),
    ("2026-03-29 02:30", ["does not exist", "Sunday 29 March 2026, 02:30 Europe/Amsterdam", "CET to CEST"]),
    ("2026-10-25 02:30", ["happens twice", "Sunday 25 October 2026, 02:30", "CEST", "CET"]),
    ("7 Dec 26", ["four digits", "'26'"]),
    ("2026-02-30", ["no day 30 in February 2026"]),
    ("Tuesday 7 Dec 2026", ["is a Monday, not a Tuesday"]),
    ("2026-12-07 25:00", ["not a time of day"]),
    ("2026-12-07 10", ["HH:MM"]),
    ("next friday", ["could not read 'next friday'", "2026-12-07 10:00"]),
])
def test_refused_input_says_how_it_was_read(text: str, expected: list[str]) -> None:
    with pytest.raises(InputError) as exc:
        parse_when(text, AMS, name="start")
    message = str(exc.value)
    assert message.startswith("start")
    for part in expected:
        assert part in message


def test_unambiguous_numeric_dates_are_read_and_shown() -> None:
    assert parse_when("13/04/2026", AMS).date == dt.date(2026, 4, 13)
    assert parse_when("04/13/2026", AMS).date == dt.date(2026, 4, 13)
    assert parse_when("05.05.2026", AMS).date == dt.date(2026, 5, 5)


def test_unknown_zone_suggests_the_right_name() -> None:
    with pytest.raises(InputError, match="Europe/Amsterdam"):
        check_zone("Europe/Amsterdan")
    assert check_zone("europe/amsterdam") == AMS
    with pytest.raises(InputError, match="IANA"):
        parse_when("2026-12-07", "Mars/Olympus")


def test_past_input_is_refused_with_the_reading() -> None:
    with pytest.raises(InputError) as exc:
        deadline_from_record(record(start="2026-02-27 10:00"), now=NOW)
    assert "in the past" in str(exc.value) and "Friday 27 February 2026, 10:00" in str(exc.value)
    # today, all day, is not past; an event under way whose end is ahead may be added
    deadline_from_record(record(start="2026-03-01"), now=NOW)
    deadline_from_record(record(start="2026-02-27", end="2026-03-02"), now=NOW)
    # the data file also records what happened: no past check without `now`
    assert validate_deadline_record(record(start="2025-12-01", end="2025-12-06"), sources={"src-a"}) == "asp25"


_ZONES = st.sampled_from([AMS, "America/New_York", "UTC", "Asia/Tokyo", "Australia/Sydney", "America/Santiago"])
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(day=st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)), hour=st.integers(0, 23),
       minute=st.integers(0, 59), zone=_ZONES, style=st.integers(0, 2))
def test_parser_reads_back_what_it_shows(day: dt.date, hour: int, minute: int, zone: str, style: int) -> None:
    """Every wall time written in any accepted form reads back to itself, unless the zone's clocks skip or
    repeat it, in which case it is refused, never guessed."""
    text = [f"{day.isoformat()} {hour:02d}:{minute:02d}",
            f"{day.day} {_MONTHS[day.month - 1]} {day.year} {hour}:{minute:02d}",
            f"{_MONTHS[day.month - 1]} {day.day}, {day.year} {hour:02d}:{minute:02d}"][style]
    naive = dt.datetime.combine(day, dt.time(hour, minute))
    status = local_status(naive, zone)
    if status != "ok":
        with pytest.raises(InputError, match="does not exist" if status == "gap" else "happens twice"):
            parse_when(text, zone)
        return
    when = parse_when(text, zone)
    assert when.local.replace(tzinfo=None) == naive
    assert parse_when(when.record_text(), zone) == when
    # stored as UTC and shown back in the zone: the same wall time
    assert when.local.astimezone(UTC).astimezone(zoneinfo.ZoneInfo(zone)).replace(tzinfo=None) == naive


@given(a=st.integers(1, 12), b=st.integers(1, 12), year=st.integers(2000, 2099), sep=st.sampled_from("/."))
def test_numeric_dates_that_read_two_ways_are_always_refused(a: int, b: int, year: int, sep: str) -> None:
    text = f"{a:02d}{sep}{b:02d}{sep}{year}"
    if a == b:
        assert parse_when(text, AMS).date == dt.date(year, a, a)
    else:
        with pytest.raises(InputError, match="ambiguous"):
            parse_when(text, AMS)


@given(st.text(max_size=80))
def test_any_text_is_read_or_refused_with_input_error(text: str) -> None:
    try:
        parse_when(text, AMS)
    except InputError as exc:
        assert str(exc)


# --- offsets -----------------------------------------------------------------------------------------------------
def test_offsets_are_normalised_and_checked() -> None:
    assert parse_offsets("2h, 14d,7d 1d") == ["14d", "7d", "1d", "2h"]
    assert parse_offsets("1w,24h,1d") == ["1w", "1d", "24h"]
    for bad, part in [("3x", "'3x'"), ("0d", "more than zero"), ("400d", "366 days"), ("1m", "5 minutes"),
                      (",".join(f"{n}h" for n in range(1, 10)), "limit is 8")]:
        with pytest.raises(InputError, match=part):
            parse_offsets(bad)


# --- the store ---------------------------------------------------------------------------------------------------
def test_add_edit_cancel_keep_revisions(desk: Desk) -> None:
    store = desk.deadlines
    with time_machine.travel(NOW, tick=False):
        added = store.add(record(), MOD)
        assert added.rev == 1 and added.start.tzinfo is not None
        assert added.start_utc == dt.datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
        edited = store.edit("asp25", {"zone": "America/New_York"}, MOD, "wrong zone")
        # a new zone without a new start keeps the wall-clock time
        assert edited.start_when().reading() == "Monday 7 December 2026, 10:00 America/New_York"
        assert edited.start_utc == dt.datetime(2026, 12, 7, 15, 0, tzinfo=UTC)
        with pytest.raises(InputError, match="nothing changed"):
            store.edit("asp25", {"title": "25th session of the Assembly"}, MOD)
        store.cancel("asp25", MOD, "postponed")
        with pytest.raises(InputError, match="cancelled"):
            store.edit("asp25", {"title": "x"}, MOD)
    history = store.history("asp25")
    assert [(r.rev, r.action) for r in history] == [(1, "add"), (2, "edit"), (3, "cancel")]
    assert history[1].changed == ["zone"] and history[1].reason == "wrong zone"
    assert history[2].snapshot["status"] == "cancelled"
    assert store.upcoming(NOW, 400) == []


def test_editing_a_running_event_without_touching_its_dates_is_allowed(desk: Desk) -> None:
    store = desk.deadlines
    store.seed([record(start="2026-02-27", end="2026-03-02")], Actor.importer())
    with time_machine.travel(NOW, tick=False):
        assert store.edit("asp25", {"title": "Renamed"}, MOD).title == "Renamed"
        with pytest.raises(InputError, match="in the past"):
            store.edit("asp25", {"end": "2026-02-28"}, MOD)


@pytest.mark.parametrize(("changes", "message"), [
    ({"title": "x" * 10_000}, "title is 10,000 characters; the limit is 200"),
    ({"start": "03/04/2027"}, "ambiguous"),
    ({"start": "2026-03-29 02:30"}, "does not exist"),
    ({"start": "2026-02-01 10:00"}, "in the past"),
    ({"zone": "Nowhere/City"}, "IANA"),
    ({"kind": "party"}, "must be one of"),
    ({"sources": ["nope"]}, "unknown source"),
    ({"sources": [], "link": None}, "source id or a link"),
    ({"link": "http://insecure.example"}, "https://"),
    ({"end": "2026-12-06"}, "both be dates"),
    ({"offsets": "3 fortnights"}, "not a duration"),
])
def test_bad_input_is_refused_and_nothing_is_written(desk: Desk, changes: dict, message: str) -> None:
    before = table_counts(desk)
    with time_machine.travel(NOW, tick=False), pytest.raises(InputError, match=message):
        desk.deadlines.add(record(**changes), MOD)
    assert table_counts(desk) == before


def test_commands_refuse_bad_input_and_members_without_writing(desk: Desk) -> None:
    desk.settings.update("111", reminder_channel_id="222", network_reminders=True)
    before = table_counts(desk)
    mod, member = Context(replace(MOD, operator=True), "111", "c"), Context(MEMBER, "111", "c")
    with time_machine.travel(NOW, tick=False):
        reply = commands.run(desk, mod, "deadline add", {"id": "x", "title": "T" * 10_000, "start": "2026-12-07"})
        assert not reply.ok and "10,000 characters" in reply.text
        reply = commands.run(desk, mod, "deadline add", {"id": "x", "title": "T", "start": "03/04/2027",
                                                         "sources": "src-a"})
        assert not reply.ok and "3 April 2027" in reply.text and "4 March 2027" in reply.text
        reply = commands.run(desk, member, "deadline add", {"id": "x", "title": "T", "start": "2026-12-07",
                                                            "sources": "src-a"})
        assert not reply.ok and "Only moderators" in reply.text
        assert table_counts(desk) == before
        reply = commands.run(desk, mod, "deadline add", {"id": "x", "title": "T", "start": "7 Dec 2026 10:00",
                                                         "sources": "src-a", "offsets": "1d,2h"})
        assert reply.ok, reply.text
        assert "Monday 7 December 2026, 10:00 Europe/Amsterdam" in reply.text and "<t:1796634000:F>" in reply.text
        assert reply.change and "added deadline `x`" in reply.change
    assert table_counts(desk) == (before[0] + 1, before[1] + 1, before[2] + 2)


def test_upcoming_is_soonest_first_within_the_window_and_per_server(desk: Desk) -> None:
    desk.deadlines.seed([
        record(id="later", start="2026-04-20 09:00"),
        record(id="soon", start="2026-03-05"),
        record(id="running", start="2026-02-25", end="2026-03-01"),  # all day through today: still on
        record(id="over", start="2026-02-20"),
        record(id="elsewhere", start="2026-03-03 09:00", guild="999"),
        record(id="here", start="2026-03-04 09:00", guild="111"),
    ], Actor.importer())
    ids = [d.id for d in desk.deadlines.upcoming(NOW, 30, "111")]
    assert ids == ["running", "here", "soon"]
    assert [d.id for d in desk.deadlines.upcoming(NOW, 60, None)] == [
        "running", "elsewhere", "here", "soon", "later"]
    with time_machine.travel(NOW, tick=False):
        reply = commands.run(desk, Context(MEMBER, "111", "c"), "deadlines", {"days": "30"})
    assert reply.ok and reply.text.index("`running`") < reply.text.index("`here`") < reply.text.index("`soon`")
    assert "<t:" in reply.text and ":R>" in reply.text
    assert not commands.run(desk, Context(MEMBER, "111", "c"), "deadlines", {"days": "lots"}).ok
    # another server's own deadlines stay out of sight, also in a direct message
    with time_machine.travel(NOW, tick=False):
        direct = commands.run(desk, Context(MEMBER, None, None), "deadlines", {"days": "60"})
        assert direct.ok and "`soon`" in direct.text and "`here`" not in direct.text
        assert "`elsewhere`" not in direct.text
        assert not commands.run(desk, Context(MEMBER, "111", "c"), "deadline show", {"id": "elsewhere"}).ok
        assert not commands.run(desk, Context(MEMBER, None, None), "deadline show", {"id": "here"}).ok


def test_export_then_seed_is_lossless(desk: Desk, tmp_path: Path) -> None:
    records = [
        record(id="asp24", start="2025-12-01", end="2025-12-06", description="Line one.\n\nLine two.",
               link="https://example.org/asp24"),
        record(id="timed", start="2026-10-25 03:30", end="2026-10-25 17:00", zone="America/Santiago",
               kind="advocacy-deadline", offsets=["3d", "1d", "90m"]),
        record(id="only-here", kind="submission", start="2026-06-01 09:00", guild="111", sources=[],
               link="https://example.org"),
    ]
    desk.deadlines.seed(records, Actor.importer())
    desk.deadlines.cancel("only-here", MOD, "dropped")
    exported = desk.deadlines.export_records()
    text = dump_yaml(exported)
    assert "start: '2025-12-01'" in text  # dates stay quoted so YAML does not turn them into date objects
    other = DeadlineStore(Desk.open(tmp_path / "other.db", data_root=write_court_data(tmp_path / "d2")).db)
    other.seed(load_yaml(text, "deadlines.yaml"), Actor.importer())
    assert other.export_records() == exported
    assert dump_yaml(other.export_records()) == text
    assert other.get("only-here").status == "cancelled"  # type: ignore[union-attr]
    assert other.seed(load_yaml(text, "deadlines.yaml"), Actor.importer()) == []  # seeding twice writes nothing


def test_data_file_problems_point_at_the_record(desk: Desk) -> None:
    with pytest.raises(InputError, match=r"deadline 2: .*unknown field"):
        desk.deadlines.seed([record(), record(id="b", colour="red")], Actor.importer())
    assert desk.deadlines.count() == 0
    with pytest.raises(InputError, match="appears twice"):
        desk.deadlines.seed([record(), record()], Actor.importer())


def test_show_and_history_commands(desk: Desk) -> None:
    with time_machine.travel(NOW, tick=False):
        desk.deadlines.add(record(), MOD)
        reply = commands.run(desk, Context(MEMBER, "111", "c"), "deadline show", {"id": "asp25"})
        assert reply.ok and "Monday 7 December 2026, 10:00 Europe/Amsterdam" in reply.text
        assert "14d" in reply.text and "(server default)" in reply.text
        missing = commands.run(desk, Context(MEMBER, "111", "c"), "deadline show", {"id": "asp52"})
        assert not missing.ok and "`asp25`" in missing.text
        hist = commands.run(desk, Context(MEMBER, "111", "c"), "deadline history", {"id": "asp25"})
        assert hist.ok and "1. add by Mod" in hist.text
