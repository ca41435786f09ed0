"""Answer latency over synthetic stores of 1,000, 10,000 and 100,000 facts, side by side with a bare FTS5 bm25
query on the same database in the same run; start-up time to first answer and peak memory with the shipped data.

Run: `.venv/bin/python -m bench.bench_answers [--sizes 1000,10000,100000] [--queries 400]`.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from bot.core.answering import Answerer
from bot.core.db import Database
from bot.core.desk import warm
from bot.core.facts import FactStore, ImportPlan
from bot.core.models import Fact, Source, Topic
from bot.core.permissions import Actor
from bot.core.text import STOP_WORDS, words

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results" / "answers.json"
TOPICS = [Topic(f"topic-{i}", f"Topic {i}") for i in range(8)]


def vocabulary(rng: random.Random, size: int = 20000) -> list[str]:
    """Real words from the shipped facts first (so questions look like members' questions), then made-up ones."""
    real = sorted({w for p in (ROOT / "data" / "facts").glob("*.yaml") for w in words(p.read_text())
                   if len(w) > 3 and w not in STOP_WORDS})
    letters = "abcdefghijklmnopqrstuvwxyz"
    fake = {"".join(rng.choice(letters) for _ in range(rng.randint(5, 10))) for _ in range(size)}
    return real + sorted(fake - set(real))


def make_store(path: Path, n: int, rng: random.Random) -> tuple[FactStore, list[Fact]]:
    db = Database(path)
    store = FactStore(db)
    vocab = vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(vocab))]  # Zipf-like: a few words are everywhere
    facts = []
    for i in range(n):
        body = rng.choices(vocab, weights=weights, k=rng.randint(25, 60))
        facts.append(Fact(
            id=f"fact-{i}", topic=TOPICS[i % len(TOPICS)].id, title=" ".join(body[:6]).capitalize(),
            text=" ".join(body) + ".", sources=["bench-source"], as_of="2025-12-01",
            questions=[" ".join(rng.choices(vocab, weights=weights, k=7)) + "?"],
            keywords=rng.choices(vocab, weights=weights, k=4),
        ))
    plan = ImportPlan(sources=[Source("bench-source", "Bench", "Synthetic", "2025-12-01")], topics=TOPICS,
                      facts=facts, synonyms=[["asp", "assembly of states parties"]], created=[f.id for f in facts])
    store.apply_import(plan, Actor.importer(), "bench")
    return store, facts


def questions(facts: list[Fact], rng: random.Random, count: int) -> list[str]:
    out = []
    for _ in range(count):
        fact = rng.choice(facts)
        picked = rng.sample(fact.text.rstrip(".").split(), 4)
        out.append("what about " + " ".join(picked) + "?")
    return out


MEMBERS = ROOT / "tests" / "eval" / "blind" / "round1" / "en-tuning.yaml"  # real phrasing from a blind set
BLIND = ROOT / "tests" / "eval" / "blind"


def first_askings(count: int, rng: random.Random) -> list[str]:
    """Members' questions each asked once: English blind questions of rounds 2 on (round 1's are the `members`
    shape), drawn at random. A stream of new questions meets facts and words no earlier question brought up."""
    import yaml

    asked = {q["q"] for q in yaml.safe_load(MEMBERS.read_text())}
    pool = sorted({q["q"] for path in BLIND.glob("round*/en-*.yaml")
                   if path.parent.name != "round1" and "holdout" not in path.name  # a frozen holdout is not read
                   for q in yaml.safe_load(path.read_text())} - asked)
    return rng.sample(pool, min(count, len(pool)))


def shapes(facts: list[Fact], rng: random.Random, count: int) -> dict[str, list[str]]:
    """Question shapes a member might send: the synthetic ones above; members' own wording (round 1's questions,
    asked over and over, and other rounds' questions asked once each: `first`); long questions
    (about 450 characters) of the store's words; questions made only of its most common words; and
    questions of words the store has never seen (the typo path)."""
    import yaml

    vocab = sorted({w for f in facts[:2000] for w in words(f.text) if w not in STOP_WORDS and len(w) > 3})
    common = [w for w, _ in Counter(w for f in facts[:2000] for w in words(f.text)
                                    if w not in STOP_WORDS).most_common(30)]
    letters = "abcdefghijklmnopqrstuvwxyz"

    def unknown_word() -> str:
        return "".join(rng.choice(letters) for _ in range(rng.randint(5, 11)))

    def fill(pick: Callable[[], str], size: int) -> str:
        out = ""
        while len(out) < size:
            out += pick() + " "
        return out[:size].strip() + "?"

    members = [q["q"] for q in yaml.safe_load(MEMBERS.read_text())]
    return {
        "synthetic": questions(facts, rng, count),
        "members": [members[i % len(members)] for i in range(count)],
        "first": first_askings(count, rng),
        "long": [fill(lambda: rng.choice(vocab), 450) for _ in range(count)],
        "common": ["what about " + " ".join(rng.sample(common, 5)) + "?" for _ in range(count)],
        "unknown": [fill(unknown_word, 490) for _ in range(count)],
    }


def naive_match(question: str) -> str:
    """What a bare implementation would send: every content word of the question, OR-ed."""
    return " OR ".join(f'"{t}"' for t in words(question) if t not in STOP_WORDS) or '""'  # all stop words


def same_match(answerer: Answerer, question: str) -> str:
    """The exact MATCH expression the engine sends for this question."""
    concepts, df = answerer.concepts(question)
    return answerer.match_expression(concepts, df, answerer._total) or '""'


def bare_query(db: Database, match: str) -> list:
    return db.query(
        "SELECT rowid, bm25(fact_index_fts) AS rank FROM fact_index_fts WHERE fact_index_fts MATCH ?"
        " ORDER BY rank LIMIT 12",
        (match,),
    )


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def bench_size(n: int, queries: int, seed: int) -> dict:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        store, facts = make_store(Path(tmp) / "bench.db", n, rng)
        build_s = time.perf_counter() - t0
        answerer = Answerer(store)
        by_shape = shapes(facts, rng, queries)
        warm(answerer)  # as the answering process does before its first question
        rows = {"facts": n, "build_s": round(build_s, 2)}
        for shape, qs in by_shape.items():
            for q in qs[:20]:  # warm caches for every path alike
                answerer.ask(q)
                bare_query(store.db, naive_match(q))
                bare_query(store.db, same_match(answerer, q))
            ours, bare, naive_t = [], [], []
            for q in qs:  # interleaved, so all three see the same machine state
                t = time.perf_counter()
                answerer.ask(q)
                ours.append((time.perf_counter() - t) * 1000)
                # read after the answer: reading the question first would leave its typo guesses cached for it
                naive, same = naive_match(q), same_match(answerer, q)
                t = time.perf_counter()
                bare_query(store.db, same)
                bare.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                bare_query(store.db, naive)
                naive_t.append((time.perf_counter() - t) * 1000)
            rows[shape] = {
                "answer_p50_ms": round(percentile(ours, 50), 3),
                "answer_p99_ms": round(percentile(ours, 99), 3),
                "answer_max_ms": round(max(ours), 3),
                "bare_p50_ms": round(percentile(bare, 50), 3),
                "bare_p99_ms": round(percentile(bare, 99), 3),
                "naive_p50_ms": round(percentile(naive_t, 50), 3),
                "naive_p99_ms": round(percentile(naive_t, 99), 3),
                "ratio_p99": round(percentile(ours, 99) / max(percentile(bare, 99), 1e-6), 2),
            }
        store.db.close()
    return rows


STARTUP = """
import sys, time
t0 = time.perf_counter()
from bot.core.desk import Desk
desk = Desk.open(sys.argv[1])
answer = desk.answerer.ask("what did ASP24 say about sanctions?")
print(time.perf_counter() - t0)
"""


def bench_startup() -> dict:
    """A new process: import, open (and on a new database, seed from data/), answer one question."""
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "startup.db")
        timings = {}
        for label in ("new_db_s", "existing_db_s"):
            out = subprocess.run([sys.executable, "-c", STARTUP, db], capture_output=True, text=True, check=True,
                                 cwd=ROOT)
            timings[label] = round(float(out.stdout.strip()), 3)
        # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent (this bench) across fork and exec.
        script = STARTUP + "print([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0])"
        mem = subprocess.run([sys.executable, "-c", script, db], capture_output=True, text=True, check=True, cwd=ROOT)
        timings["peak_rss_mib"] = round(int(mem.stdout.split()[-1]) / 1024, 1)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--queries", type=int, default=400)
    args = parser.parse_args()
    startup = bench_startup()
    rows = [bench_size(int(n), args.queries, seed=7) for n in args.sizes.split(",")]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("latency in ms; bare = the same MATCH alone; naive = every content word OR-ed; x = ours / bare at p99")
    print(f"{'facts':>8} {'shape':>10} {'ours p50':>9} {'ours p99':>9} {'ours max':>9} {'bare p50':>9} "
          f"{'bare p99':>9} {'x p99':>6} {'naive p99':>10}")
    for r in rows:
        for shape in ("synthetic", "members", "first", "long", "common", "unknown"):
            m = r[shape]
            print(f"{r['facts']:>8} {shape:>10} {m['answer_p50_ms']:>9} {m['answer_p99_ms']:>9} "
                  f"{m['answer_max_ms']:>9} {m['bare_p50_ms']:>9} {m['bare_p99_ms']:>9} {m['ratio_p99']:>6} "
                  f"{m['naive_p99_ms']:>10}")
    print(f"start-up to first answer: new database {startup['new_db_s']} s, existing {startup['existing_db_s']} s; "
          f"peak RSS {startup['peak_rss_mib']} MiB (shipped data); bench process peak {peak:.0f} MiB")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"sizes": rows, "startup": startup, "bench_peak_rss_mib": round(peak, 1)},
                                  indent=2) + "\n")


if __name__ == "__main__":
    main()
