"""Cold start of the command line as a whole process: `python -m bot ask "..."` on an existing database, beside a
bare `python -c pass` in the same run, so the figure is read against the interpreter's own start-up on this
machine. Also reports which heavy libraries the answer path loaded (none should: discord.py, aiohttp and icalendar
belong to other commands).

Run: `.venv/bin/python -m bench.bench_cold_start [--runs 15]`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "cold_start.json"
QUESTION = "what did ASP24 say about sanctions?"
HEAVY = ("discord", "aiohttp", "icalendar", "apscheduler", "sqlite_utils")
PROBE = ("import runpy, sys; sys.argv = ['bot', 'ask', {q!r}]\n"
         "try:\n    runpy.run_module('bot', run_name='__main__')\nexcept SystemExit:\n    pass\n"
         "print('LOADED', ','.join(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)")


def timed(cmd: list[str], env: dict[str, str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def summary(times: list[float]) -> dict[str, float]:
    return {"median_s": round(statistics.median(times), 3), "min_s": round(min(times), 3),
            "max_s": round(max(times), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "BOT_DB": str(Path(tmp) / "cold.db")}
        ask = [sys.executable, "-m", "bot", "ask", QUESTION]
        subprocess.run(ask, env=env, check=True, stdout=subprocess.DEVNULL)  # create and seed the database once
        probe = subprocess.run([sys.executable, "-c", PROBE.format(q=QUESTION, heavy=HEAVY)], env=env,
                               check=True, capture_output=True, text=True)
        loaded = [line for line in probe.stderr.splitlines() if line.startswith("LOADED")][-1].split()[1:]
        bare, answer = [], []
        for _ in range(args.runs):  # interleaved, so a busy moment hits both alike
            bare += timed([sys.executable, "-c", "pass"], env, 1)
            answer += timed(ask, env, 1)
    result = {"runs": args.runs, "python_c_pass": summary(bare), "bot_ask": summary(answer),
              "heavy_modules_loaded_by_ask": loaded[0].split(",") if loaded and loaded[0] else []}
    print(f"python -c pass: median {result['python_c_pass']['median_s']} s; "
          f"python -m bot ask (existing database): median {result['bot_ask']['median_s']} s "
          f"(min {result['bot_ask']['min_s']}, max {result['bot_ask']['max_s']}) over {args.runs} runs; "
          f"heavy modules loaded: {', '.join(result['heavy_modules_loaded_by_ask']) or 'none'}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
