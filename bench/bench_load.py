"""Load: the real Coalition Desk client and a trivial discord.py client, side by side, against the fake Discord.

Each client runs in a process of its own, against a FakeDiscord of its own, both served from this process,
which sends the same stream of `/ask` interactions to both at the same moment. Latency is Discord's view: from
the interaction being sent to its first callback (an answer, a deferral or a busy notice) arriving; an
interaction with no callback within 3 seconds expired. The trivial client answers "ok" at once, so beside it
the figures show what the bot adds, on the same machine in the same minute. Each client process runs a probe
task that sleeps 10 ms in a loop and reports the longest overshoot: the event loop's longest stall.

Runs: the rates given (one line each), then the same with two CPU-bound processes beside the clients (the
driver, standing in for Discord, runs at a higher priority for that run when it may, so the burners starve the
clients rather than the measurement), then members asking while a moderator imports 1,000 facts.

Run: `.venv/bin/python -m bench.bench_load [--rates 100,200] [--seconds 30] [--busy-rate 100] [--import-rate 20]`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import multiprocessing
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results" / "load.json"
QUESTIONS = [
    "what did ASP24 say about sanctions?", "how big is the 2026 budget?", "who is withdrawing from the Rome Statute?",
    "which ICC judges did the US sanction?", "what is the duty to cooperate?", "when are the next ICC elections?",
    "what is the weather in The Hague?", "how much do states owe in arrears?",
]
MEMBERS = 200  # askers, so the per-member cooldown is no factor (it is set to 0 too)


# --- the client processes -----------------------------------------------------------------------------------------
def _redirect(url: str) -> None:
    import yarl
    from discord.gateway import DiscordWebSocket
    from discord.http import Route

    Route.BASE = f"{url}/api/v10"
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url.replace("http://", "ws://") + "/gateway/")


async def _probe(stalls: list[float]) -> None:
    loop = asyncio.get_running_loop()
    while True:
        start = loop.time()
        await asyncio.sleep(0.01)
        stalls.append(loop.time() - start - 0.01)


def _trivial_client() -> Any:
    import discord
    from discord import app_commands

    client = discord.Client(intents=discord.Intents.none())
    tree = app_commands.CommandTree(client)

    @tree.command(name="ask", description="ok")
    async def ask(interaction: discord.Interaction[Any], question: str) -> None:
        await interaction.response.send_message("ok")

    async def setup_hook() -> None:
        await tree.sync()

    async def on_error(interaction: discord.Interaction[Any], error: Exception) -> None:
        pass  # an interaction it was too late for: the driver counts it as expired

    tree.on_error = on_error  # type: ignore[method-assign]

    client.setup_hook = setup_hook  # type: ignore[method-assign]
    return client


def _rss_mb(pid: int | None) -> float | None:
    with contextlib.suppress(OSError, ValueError, StopIteration):
        status = Path(f"/proc/{pid}/status").read_text()
        return round(int(next(x for x in status.splitlines() if x.startswith("VmRSS:")).split()[1]) / 1024, 1)
    return None


def serve(kind: str, url: str, db: str, out: str, ready: Any, stop: Any, apart: bool | None = None) -> None:
    """A client process: connect, signal ready, run until `stop` is set, write the probe's figures (and the
    memory of this process and of its answering process, if any) to `out`. `apart`: answer in a child process
    (None: the client's default)."""
    import logging

    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
    with contextlib.suppress(OSError):
        os.setpriority(os.PRIO_PROCESS, 0, 0)  # the clients compete with the CPU burners on equal terms

    async def main() -> None:
        _redirect(url)
        if kind == "bot":
            from bot import Desk, create_client

            desk = Desk.open(db)
            client = create_client(desk, guild_ready_timeout=0.1, reminders=False, answer_process=apart)

        else:
            client = _trivial_client()
        task = asyncio.create_task(client.start("bench-token", reconnect=False))
        while not client.is_ready():
            await asyncio.sleep(0.01)
        child = getattr(client, "desk", None) and client.desk.answer_process
        if child is not None:
            await asyncio.to_thread(child.wait_ready, 60)
        stalls: list[float] = []
        probe = asyncio.create_task(_probe(stalls))
        ready.set()
        while not stop.is_set():
            await asyncio.sleep(0.05)
        probe.cancel()
        Path(out).write_text(json.dumps({"max_stall_ms": round(max(stalls, default=0) * 1000, 1),
                                         "p99_stall_ms": round(_pct(stalls, 99) * 1000, 1),
                                         "rss_mb": _rss_mb(os.getpid()),
                                         "child_rss_mb": _rss_mb(child.pid) if child is not None else None,
                                         "answered_apart": child is not None,
                                         "answered_here": getattr(child, "answered_here", None)}))
        await client.close()
        with contextlib.suppress(Exception):
            await task

    profile = os.environ.get("BENCH_PROFILE")  # a file: where the client's event-loop thread spent its time
    if profile and kind == "bot":
        import cProfile

        cProfile.runctx("asyncio.run(main())", globals(), locals(), profile)
    else:
        asyncio.run(main())


# --- the driver -------------------------------------------------------------------------------------------------
def _pct(values: list[float], pct: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * pct / 100))]


def _world(fake: Any) -> tuple[Any, list[Any], Any]:
    from tests.fakediscord import populate_default_guild

    world = populate_default_guild(fake)
    members = [fake.add_member(world.guild, f"asker{i}").user for i in range(MEMBERS)]
    return world, members, world.general


def _summary(records: list[Any], busy_text: str) -> dict[str, Any]:
    """answered: an answer as the first callback (within 3 s, or the fake refuses it); deferred: "thinking"
    first, the answer later; busy: the busy notice (first, or after a deferral); expired: no callback at all.
    Latencies are to the first callback."""
    replied = [r for r in records if r.response is not None]
    busy = [r for r in replied if busy_text in (
        [(r.response.get("data") or {}).get("content")] + [m.content for m in r.followups])]
    deferred = [r for r in replied if r.response_type == 5 and r not in busy]
    lat = [r.response_after * 1000 for r in replied]
    answered = len(replied) - len(busy) - len(deferred)
    return {"sent": len(records), "answered": answered, "deferred": len(deferred), "busy": len(busy),
            "expired": len(records) - len(replied),
            "p50_ms": round(_pct(lat, 50), 1), "p99_ms": round(_pct(lat, 99), 1),
            "answered_within_3s": round(answered / max(len(records), 1), 4)}


async def _ask_stream(pairs: list[tuple[Any, Any, list[Any]]], rate: float, seconds: float
                      ) -> list[list[Any]]:
    """Send `rate` /ask per second to every fake for `seconds`; the records of each."""
    sent: list[list[Any]] = [[] for _ in pairs]
    loop = asyncio.get_running_loop()
    start = loop.time()
    total = int(rate * seconds)
    tasks: set[asyncio.Task[Any]] = set()
    for i in range(total):
        at = start + i / rate
        delay = at - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        question = QUESTIONS[i % len(QUESTIONS)]
        for k, (fake, channel, members) in enumerate(pairs):
            task = asyncio.create_task(fake.slash_command("ask", {"question": question},
                                                          user=members[i % len(members)], channel=channel))
            task.add_done_callback(lambda t, k=k: sent[k].append(t.result()))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
    if tasks:
        await asyncio.wait(tasks)
    await asyncio.sleep(3.5)  # whatever is answered after this expired anyway
    return sent


def import_file(count: int) -> bytes:
    lines = []
    for i in range(count):
        lines.append(f"- id: bench-import-fact-{i:04d}\n  topic: budget\n  title: Bench fact number {i} on arrears\n"
                     f"  text: A bench fact {i} about the arrears of states and the budget of the Court.\n"
                     f"  sources: [fidh-2025-asp24]\n  as_of: '2025-06-01'\n"
                     f"  questions:\n  - What does bench fact {i} say?\n  keywords: [bench, arrears]\n")
    return "".join(lines).encode()


class Pair:
    """The fakes, the client processes and how to stop them."""

    def __init__(self, tmp: Path, apart: bool | None = None) -> None:
        from tests.fakediscord import FakeDiscord

        self.tmp = tmp
        self.apart = apart
        self.fakes = {"bot": FakeDiscord(), "trivial": FakeDiscord()}
        self.worlds = {k: _world(f) for k, f in self.fakes.items()}
        self.ctx = multiprocessing.get_context("spawn")
        self.stop = self.ctx.Event()
        self.procs: list[Any] = []

    async def start(self, kinds: tuple[str, ...]) -> None:
        from bot import Desk

        db = self.tmp / "load.db"
        desk = Desk.open(db)
        guild = str(self.worlds["bot"][0].guild.id)
        desk.settings.update(guild, cooldown_seconds=0)
        desk.close()
        for fake in self.fakes.values():
            await fake.start()
        self.stop = self.ctx.Event()
        self.procs = []
        for kind in kinds:
            ready = self.ctx.Event()
            out = str(self.tmp / f"{kind}.json")
            proc = self.ctx.Process(target=serve, args=(kind, self.fakes[kind].url, str(db), out, ready, self.stop,
                                                        self.apart))
            proc.start()
            self.procs.append((kind, proc, out))
            await asyncio.to_thread(ready.wait, 60)

    async def finish(self) -> dict[str, Any]:
        self.stop.set()
        stalls = {}
        for kind, proc, out in self.procs:
            await asyncio.to_thread(proc.join, 20)
            with contextlib.suppress(OSError, ValueError):
                stalls[kind] = json.loads(Path(out).read_text())
        for fake in self.fakes.values():
            await fake.stop()
        return stalls


async def run_rate(tmp: Path, rate: float, seconds: float, label: str, busy_text: str,
                   apart: bool | None = None) -> dict[str, Any]:
    pair = Pair(tmp, apart)
    await pair.start(("bot", "trivial"))
    streams = [(pair.fakes[k], pair.worlds[k][2], pair.worlds[k][1]) for k in ("bot", "trivial")]
    records = await _ask_stream(streams, rate, seconds)
    stalls = await pair.finish()
    bot, trivial = _summary(records[0], busy_text), _summary(records[1], busy_text)
    return {"run": label, "rate": rate, "seconds": seconds, "bot": bot, "trivial": trivial,
            "p99_ratio": round(bot["p99_ms"] / max(trivial["p99_ms"], 0.1), 2),
            "bot_max_stall_ms": stalls.get("bot", {}).get("max_stall_ms"),
            "trivial_max_stall_ms": stalls.get("trivial", {}).get("max_stall_ms"), **_memory(stalls)}


def _memory(stalls: dict[str, Any]) -> dict[str, Any]:
    bot = stalls.get("bot", {})
    return {key: bot.get(key) for key in ("answered_apart", "answered_here", "rss_mb", "child_rss_mb")}


async def run_import(tmp: Path, rate: float, seconds: float, busy_text: str, facts: int,
                     apart: bool | None = None) -> dict[str, Any]:
    from tests.fakediscord.server import FakeAttachment

    pair = Pair(tmp, apart)
    await pair.start(("bot",))
    fake = pair.fakes["bot"]
    world, members, channel = pair.worlds["bot"]
    content = import_file(facts)

    async def moderator() -> dict[str, float]:
        await asyncio.sleep(1.0)
        record = await fake.slash_command(["facts", "import"], {"file": FakeAttachment("bench.yaml", content)},
                                          user=world.owner, channel=channel)
        t0 = time.perf_counter()
        preview = await fake.wait_for_followup(record, timeout=60)
        preview_s = time.perf_counter() - t0 + (record.response_after or 0)
        button = next(c["custom_id"] for row in preview.components for c in row["components"])
        t1 = time.perf_counter()
        click = await fake.component_click(preview, button, user=world.owner)
        await fake.wait_until(lambda: click.response is not None and preview.content.startswith("Imported"),
                              60, "the import")
        return {"preview_s": round(preview_s, 3), "confirm_s": round(time.perf_counter() - t1, 3)}

    mod = asyncio.create_task(moderator())
    records = await _ask_stream([(fake, channel, members)], rate, seconds)
    timing = await mod
    stalls = await pair.finish()
    bot = _summary(records[0], busy_text)
    return {"run": f"{facts}-fact import", "rate": rate, "seconds": seconds, "bot": bot, **timing,
            "bot_max_stall_ms": stalls.get("bot", {}).get("max_stall_ms"), **_memory(stalls)}


def line(result: dict[str, Any]) -> str:
    bot = result["bot"]
    text = (f"{result['run']:>22} {result['rate']:>4.0f}/s x {result['seconds']:.0f}s  bot: {bot['answered']}"
            f"/{bot['sent']} answered in 3 s, {bot['deferred']} deferred, {bot['busy']} busy, {bot['expired']} "
            f"expired, "
            f"p50 {bot['p50_ms']} ms, p99 {bot['p99_ms']} ms, loop stall max {result['bot_max_stall_ms']} ms")
    if "trivial" in result:
        tr = result["trivial"]
        text += (f" | trivial: p50 {tr['p50_ms']} ms, p99 {tr['p99_ms']} ms, stall max "
                 f"{result['trivial_max_stall_ms']} ms | p99 ratio {result['p99_ratio']}x")
    if "preview_s" in result:
        text += f" | import preview {result['preview_s']} s, confirm {result['confirm_s']} s"
    if result.get("answered_apart"):
        text += (f" | answering process: {result['child_rss_mb']} MB beside the bot's {result['rss_mb']} MB, "
                 f"{result['answered_here']} answered in the bot's process")
    elif result.get("rss_mb"):
        text += f" | answered in the bot's process, {result['rss_mb']} MB"
    return text


async def main_async(args: argparse.Namespace) -> list[dict[str, Any]]:
    from bot.core.work import BUSY

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, rate in enumerate(args.rates):
            result = await run_rate(Path(tmp) / f"r{i}", rate, args.seconds, "quiet", BUSY, args.answer_process)
            print(line(result), flush=True)
            results.append(result)
        if args.busy_rate:
            # the fakes and this driver stand in for Discord, which is not on the bot's machine: given priority
            # (when allowed) so the burners starve the clients, not the measurement
            with contextlib.suppress(OSError):
                os.setpriority(os.PRIO_PROCESS, 0, -10)
            burners = [subprocess.Popen([sys.executable, "-c", "import os; os.setpriority(os.PRIO_PROCESS, 0, 0)\n"
                                                           "while True: pass"]) for _ in range(2)]
            try:
                result = await run_rate(Path(tmp) / "busy", args.busy_rate, args.busy_seconds,
                                        "2 CPU burners beside", BUSY, args.answer_process)
            finally:
                for proc in burners:
                    proc.kill()
                    proc.wait()
            with contextlib.suppress(OSError):
                os.setpriority(os.PRIO_PROCESS, 0, 0)
            print(line(result), flush=True)
            results.append(result)
        if args.import_rate:
            result = await run_import(Path(tmp) / "import", args.import_rate, args.import_seconds, BUSY,
                                      args.import_facts, args.answer_process)
            print(line(result), flush=True)
            results.append(result)
    return results


OPTIONS = {"seconds": 30.0, "busy-rate": 100.0, "busy-seconds": 15.0, "import-rate": 20.0, "import-seconds": 15.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rates", default="100,200", type=lambda s: [float(x) for x in s.split(",") if x])
    for name, default in OPTIONS.items():
        parser.add_argument(f"--{name}", type=float, default=default)
    parser.add_argument("--import-facts", type=int, default=1000)
    parser.add_argument("--answer-process", choices=("on", "off"), default=None,
                        help="answer in a child process, or in the bot's own (default: as `python -m bot run` does)")
    args = parser.parse_args()
    from bot.core import answer_process  # by default as `python -m bot run` has it: BOT_ANSWER_PROCESS, else auto
    args.answer_process = answer_process.wanted(None if args.answer_process is None else args.answer_process == "on",
                                                default=answer_process.RUN_DEFAULT)
    load_before = os.getloadavg()
    results = asyncio.run(main_async(args))
    stamp = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
             "load_average_before": [round(x, 2) for x in load_before],
             "load_average_after": [round(x, 2) for x in os.getloadavg()]}
    save([{**result, **stamp} for result in results])
    print(f"load average before {load_before[0]:.2f}; written to {RESULTS}")


def save(results: list[dict[str, Any]]) -> None:
    """Each run replaces the one of the same name and rate in the file, so one scenario can be measured again."""
    kept: list[dict[str, Any]] = []
    with contextlib.suppress(OSError, ValueError, KeyError):
        kept = json.loads(RESULTS.read_text())["runs"]
    fresh = {(r["run"], r["rate"]) for r in results}
    runs = [r for r in kept if (r["run"], r["rate"]) not in fresh] + results
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"machine": platform.platform(), "cpus": os.cpu_count(),
                                   "python": platform.python_version(), "runs": runs}, indent=2) + "\n")


if __name__ == "__main__":
    main()
