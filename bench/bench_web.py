"""The web site's response times over real HTTP on 127.0.0.1, on the shipped data: the index, a fact page, a
search (the answering engine), the feed for every server (50 upcoming deadlines with four alarms each), the same
feed answered 304 to a conditional request, and /healthz. Requests go one at a time (latency), then 8 at once
(throughput through the site's one worker thread).

Run: `.venv/bin/python -m bench.bench_web [--requests 300]`.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import statistics
import tempfile
import time
from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer

from bot.core import commands
from bot.core.desk import Desk
from bot.core.feeds import feed_calendar
from bot.core.permissions import Actor
from bot.core.registry import Context
from bot.core.timeutil import utcnow
from bot.web.app import create_app
from bot.web.middleware import RateLimit

DEADLINES = 50
RESULTS = Path(__file__).resolve().parent / "results" / "web.json"
PATHS = {"index": "/", "fact": "/facts/us-sanctions-four-judges-june-2025",
         "search": "/search?q=who+is+withdrawing+from+the+rome+statute", "api_ask": "/api/ask?q=budget+2026",
         "calendar": "/calendar.ics", "healthz": "/healthz"}


def quantiles(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {"p50_ms": round(statistics.median(ordered) * 1000, 2),
            "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 2)}


async def run(requests: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        desk = Desk.open(Path(tmp) / "desk.db")
        operator = Context(Actor(id="op", name="Operator", operator=True), None, "bench")
        for i in range(DEADLINES):  # the shipped deadlines are past: a feed of upcoming ones to serve
            day = (utcnow() + dt.timedelta(days=10 + i)).date().isoformat()
            commands.run(desk, operator, "deadline add", {"id": f"bench-{i}", "title": f"Deadline {i}",
                                                          "start": f"{day} 10:00", "zone": "Europe/Amsterdam",
                                                          "link": "https://example.org"})
        client = TestClient(TestServer(create_app(desk, limit=RateLimit(per_minute=1e9, burst=10**9)),
                                       host="127.0.0.1"))
        await client.start_server()
        results: dict[str, object] = {}
        try:
            etag = (await client.get("/calendar.ics")).headers["ETag"]
            cases = {**{k: (p, {}) for k, p in PATHS.items()},
                     "calendar_304": ("/calendar.ics", {"If-None-Match": etag})}
            for name, (path, headers) in cases.items():
                times = []
                for _ in range(requests):
                    start = time.perf_counter()
                    response = await client.get(path, headers=headers)
                    await response.read()
                    times.append(time.perf_counter() - start)
                results[name] = quantiles(times)
            builds = []
            for _ in range(20):  # what a feed costs when it changed (served from memory until the next change)
                start = time.perf_counter()
                feed_calendar(desk, None)
                builds.append(time.perf_counter() - start)
            results["calendar_build"] = quantiles(builds)
            start = time.perf_counter()
            for _ in range(requests // 8):
                await asyncio.gather(*(client.get(PATHS["fact"]) for _ in range(8)))
            results["fact_8_at_once_per_s"] = round((requests // 8) * 8 / (time.perf_counter() - start))
        finally:
            await client.close()
            desk.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=300)
    results = asyncio.run(run(parser.parse_args().requests))
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    for name, value in results.items():
        print(f"{name:24} {value}")


if __name__ == "__main__":
    main()
