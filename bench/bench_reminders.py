"""Reminders at scale: 10,000 deadlines on 20 servers (about 100,000 reminder rows), or 100,000 (about a million).

Measures the time to derive every row the first time, the time a restarted bot needs before it can dispatch
(take the lease, recover, derive what changed since the rows were last derived, find the next due row), its
resident memory (the restart runs in a process of its own, so the figure is the bot's, not this script's), and
dispatch lag (due time to the fake sender receiving the post) for 2,000 reminders falling due over 20 seconds of
real time, woken by the real AsyncIOScheduler. Targets: start under 0.5 s at 10,000 deadlines and under 3 s at
100,000, RSS under 300 MB there, p99 lag under 1 s.

Run: `.venv/bin/python -m bench.bench_reminders [--deadlines 10000] [--servers 20] [--due 2000]`.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zoneinfo
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from bot.core.db import Database
from bot.core.deadlines.dates import local_status
from bot.core.deadlines.store import DeadlineStore
from bot.core.permissions import Actor
from bot.core.reminders.derive import derive_reminders, keep_mark
from bot.core.reminders.dispatch import ReminderService
from bot.core.reminders.senders import RecordingSender
from bot.core.reminders.texts import reminder_nonce
from bot.core.scheduler import DeskScheduler
from bot.core.settings import SettingsStore
from bot.core.timeutil import UTC, from_iso, to_iso, utcnow

RESULTS = Path(__file__).resolve().parent / "results" / "reminders.json"
ZONES = ["Europe/Amsterdam", "America/New_York", "Africa/Nairobi", "Asia/Manila", "America/Bogota", "UTC"]
SERVER_OFFSETS = "30d,14d,7d,3d,1d,12h,2h,1h"  # server-only deadlines: 8 reminders each
GLOBAL_SHARE = 0.025  # deadlines for every server, with the default 4 offsets


def desk_on(db: Database) -> Any:
    """What the reminder service and scheduler use of a Desk, without the answerer."""
    return SimpleNamespace(db=db, deadlines=DeadlineStore(db), settings=SettingsStore(db))


def populate(path: Path, deadlines: int, servers: int, rng: random.Random, now: dt.datetime) -> dict[str, float]:
    db = Database(path)
    desk = desk_on(db)
    for g in range(servers):
        desk.settings.update(f"{1000 + g}", reminder_channel_id=f"{5000 + g}", network_reminders=True)
    records = []
    for i in range(deadlines):
        while True:  # a wall time in a DST gap or fold is refused by the store (as it should be): draw again
            start = now + dt.timedelta(days=2, minutes=rng.randrange(0, 365 * 24 * 60))
            zone = rng.choice(ZONES)
            local = start.astimezone(zoneinfo.ZoneInfo(zone)).replace(second=0, microsecond=0)
            if local_status(local.replace(tzinfo=None), zone) == "ok":
                break
        record = {"id": f"d-{i}", "title": f"Deadline {i}", "kind": "submission", "zone": zone,
                  "start": local.strftime("%Y-%m-%d") if i % 7 == 0 else local.strftime("%Y-%m-%d %H:%M"),
                  "link": "https://example.org/d"}
        if rng.random() >= GLOBAL_SHARE:
            record["guild"] = f"{1000 + rng.randrange(servers)}"
            record["offsets"] = SERVER_OFFSETS
        records.append(record)
    t = time.perf_counter()
    desk.deadlines.seed(records, Actor.importer())
    seeded = time.perf_counter() - t
    t = time.perf_counter()
    result = derive_reminders(db, now=now)
    derived = time.perf_counter() - t
    keep_mark(db)  # as the running bot does after deriving
    rows = db.query_one("SELECT count(*) FROM reminders")[0]
    db.close()
    return {"seed_s": seeded, "derive_first_s": derived, "rows": rows, "created": result.created}


async def measure_start(path: Path, *, trace: bool) -> tuple[float, float, Any, Database]:
    """A restart: open the database, take the lease, recover, re-derive every row, find the next due one.
    With `trace`, tracemalloc records the peak (and slows Python down a lot, so it is a separate run)."""
    if trace:
        tracemalloc.start()
    t = time.perf_counter()
    db = Database(path)
    desk = desk_on(db)
    service = ReminderService(desk, RecordingSender())
    assert await service.start(), service.refusal
    service.next_wake()
    elapsed = time.perf_counter() - t
    peak = 0.0
    if trace:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return elapsed, peak, service, db


def restart_in_child(path: Path) -> dict[str, float]:
    """A restart in a fresh process: seconds until ready to dispatch, and that process's peak RSS (VmHWM: the
    rusage figure would carry this process's peak across the exec)."""
    code = ("import asyncio, json, sys\n"
            "from bench.bench_reminders import measure_start\n"
            "elapsed, _, service, db = asyncio.run(measure_start(__import__('pathlib').Path(sys.argv[1]), "
            "trace=False))\n"
            "hwm = next(line for line in open('/proc/self/status') if line.startswith('VmHWM'))\n"
            "print(json.dumps({'start_s': elapsed, 'rss_mb': int(hwm.split()[1]) / 1024}))\n")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1])
    return json.loads(out.stdout.strip().splitlines()[-1])


async def measure_lag(service: ReminderService, due: int, spread_s: float) -> dict[str, float]:
    """Make `due` pending rows fall due over the next `spread_s` seconds and let the scheduler send them."""
    db = service.db
    lags: list[float] = []
    sender = RecordingSender()
    # rows the generated data already had due are sent too; only the ones planned here are timed
    sender.on_send = lambda post: post.nonce in due_at and lags.append(time.time() - due_at[post.nonce])
    service.sender = sender
    sched = DeskScheduler(service.desk, service, backup_dir=Path(db.path).parent / "backups")
    start = utcnow().replace(microsecond=0) + dt.timedelta(seconds=2)
    ids = [r["id"] for r in db.query(
        "SELECT id FROM reminders WHERE state = 'pending' ORDER BY due_utc DESC LIMIT ?", (due,))]
    plan = [(to_iso(start + dt.timedelta(seconds=int(spread_s * k / len(ids)))), rid) for k, rid in enumerate(ids)]
    with db.transaction() as conn:
        conn.executemany("UPDATE reminders SET due_utc = ? WHERE id = ?", plan)
    rows = {r["id"]: r for r in db.query(
        f"SELECT id, deadline_id, guild_id, offset, due_utc FROM reminders WHERE id IN ({','.join('?' * len(ids))})",
        tuple(ids))}
    due_at = {reminder_nonce(rid, r["deadline_id"], r["guild_id"], r["offset"]): from_iso(r["due_utc"]).timestamp()
              for rid, r in rows.items()}
    service.leader = True
    sched._loop = asyncio.get_running_loop()
    sched.scheduler.start()
    sched.rearm()
    t = time.perf_counter()
    deadline = time.monotonic() + spread_s + 30
    while len(lags) < len(ids) and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    total = time.perf_counter() - t
    sched.scheduler.shutdown(wait=False)
    await asyncio.sleep(0)
    lags.sort()
    q = statistics.quantiles(lags, n=100) if len(lags) > 1 else lags * 99
    return {"due": len(ids), "sent": len(lags), "p50_s": q[49], "p99_s": q[98], "max_s": lags[-1] if lags else 0,
            "window_s": total}


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--deadlines", type=int, default=10_000)
    parser.add_argument("--servers", type=int, default=20)
    parser.add_argument("--due", type=int, default=2_000)
    parser.add_argument("--spread", type=float, default=20.0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        now = utcnow().astimezone(UTC)
        built = populate(path, args.deadlines, args.servers, rng, now)
        _, peak_mb, traced, traced_db = await measure_start(path, trace=True)
        traced.stop()
        traced_db.close()
        child = restart_in_child(path)
        start_s, _, service, db = await measure_start(path, trace=False)
        lag = await measure_lag(service, args.due, args.spread)
        service.stop()
        db.close()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results = {
        "deadlines": args.deadlines, "servers": args.servers, "reminder_rows": built["rows"],
        "seed_deadlines_s": round(built["seed_s"], 3), "derive_first_s": round(built["derive_first_s"], 3),
        "start_s": round(start_s, 3), "start_in_fresh_process_s": round(child["start_s"], 3),
        "start_process_rss_mb": round(child["rss_mb"], 1), "start_peak_traced_mb": round(peak_mb, 1),
        "bench_max_rss_mb": round(rss_mb, 1),
        "lag_due": lag["due"], "lag_sent": lag["sent"], "lag_p50_ms": round(lag["p50_s"] * 1000, 1),
        "lag_p99_ms": round(lag["p99_s"] * 1000, 1), "lag_max_ms": round(lag["max_s"] * 1000, 1),
        "targets": {"start_s": 0.5 if args.deadlines <= 10_000 else 3.0, "rss_mb": 300.0, "lag_p99_ms": 1000.0},
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(), "machine": platform.machine(), "at": to_iso(utcnow()),
    }
    width = max(len(k) for k in results)
    print(f"{'measure':<{width}}  value")
    for key, value in results.items():
        if key != "targets":
            print(f"{key:<{width}}  {value}")
    target = results["targets"]
    verdict = "met" if (results["start_in_fresh_process_s"] < target["start_s"] and results["lag_p99_ms"] < 1000
                        and results["start_process_rss_mb"] < target["rss_mb"]) else "NOT met"
    print(f"targets (start < {target['start_s']} s, RSS < 300 MB, p99 lag < 1 s): {verdict}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    out = RESULTS if args.deadlines == 10_000 else RESULTS.with_name(f"reminders-{args.deadlines}.json")
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    asyncio.run(main())
