"""Shared fixtures: a small curated dataset written to a temp dir, and desks on real SQLite files."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from bot.core.desk import Desk
from bot.core.permissions import Actor

# how many facts data/ ships: what a store seeded from it holds, lists and exports
SHIPPED_FACTS = sum(len(yaml.safe_load(p.read_text(encoding="utf-8")))
                    for p in (Path(__file__).resolve().parent.parent / "data" / "facts").glob("*.yaml"))

MINI_FILES = {
    "sources.yaml": """
        - id: src-a
          publisher: Example Watch
          title: A report on the Court
          date: '2025-12-01'
          url: https://example.org/report
        - id: src-b
          publisher: Example Journal
          title: Another view
          date: '2025-11'
    """,
    "topics.yaml": """
        - id: sanctions
          name: Sanctions and coercive measures
          description: Measures against the Court.
        - id: budget
          name: Budget and arrears
          description: Money.
    """,
    "synonyms.yaml": """
        - [asp, assembly of states parties]
        - [eo, executive order]
    """,
    "facts/sanctions.yaml": """
        - id: judges-sanctioned
          topic: sanctions
          title: Four judges sanctioned (June 2025)
          text: On 5 June 2025 the United States sanctioned four judges of the Court under Executive Order 14203.
          sources: [src-a]
          as_of: '2025-06-05'
          questions:
            - Which judges were sanctioned?
          keywords: [sanctions, judges]
        - id: blocking-statute
          topic: sanctions
          title: Calls for a blocking statute
          text: Groups urged the European Union to use its Blocking Statute to shield the Court from sanctions.
          sources: [src-a, src-b]
          as_of: '2025-12-01'
          review_by: '2026-06-01'
          questions:
            - What can the EU do against sanctions?
          keywords: [blocking statute, eu]
    """,
    "facts/budget.yaml": """
        - id: budget-2026
          topic: budget
          title: The 2026 budget
          text: The Assembly of States Parties was asked to approve a 2026 budget of 193 million euros, a 1.1% rise.
          sources: [src-b]
          as_of: '2025-12-01'
          questions:
            - How big is the budget for 2026?
          keywords: [budget, money, euros]
    """,
    "deadlines.yaml": """
        - id: session-2030
          title: A session in The Hague
          kind: session
          start: '2030-12-01'
          end: '2030-12-06'
          zone: Europe/Amsterdam
          description: A future session used by tests.
          sources: [src-a]
    """,
}


def top(desk: Desk, question: str) -> str | None:
    """The id of the fact a question is answered with, or None when it is not answered (partial or declined)."""
    answer = desk.answerer.ask(question)
    return answer.hits[0].fact.id if answer.status == "answered" else None


def reply(desk: Desk, question: str) -> tuple[str, str | None, str | None]:
    """How a question is answered: its status, the reply's language and the key of the detail it says is missing."""
    answer = desk.answerer.ask(question)
    return answer.status, answer.lang, answer.missing_key


def write_dataset(root: Path, files: dict[str, str] = MINI_FILES) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return root


def write_court_data(root: Path, *, review_by: str | None = None, deadlines: str | None = None) -> Path:
    """The smallest valid data dir (one source, topic and fact), for tests about deadlines and reminders; with
    `deadlines`, the text of a deadlines.yaml to seed as well."""
    fact = ("- id: seat\n  topic: court\n  title: Seat of the Court\n  text: The Court sits in The Hague.\n"
            "  sources: [src-a]\n  as_of: '2025-01-01'\n")
    if review_by:
        fact += f"  review_by: '{review_by}'\n"
    (root / "facts").mkdir(parents=True, exist_ok=True)
    (root / "sources.yaml").write_text(
        "- id: src-a\n  publisher: Example Watch\n  title: A report\n  date: '2025-01-01'\n", encoding="utf-8")
    (root / "topics.yaml").write_text("- id: court\n  name: The Court\n", encoding="utf-8")
    (root / "facts" / "court.yaml").write_text(fact, encoding="utf-8")
    if deadlines is not None:
        (root / "deadlines.yaml").write_text(deadlines, encoding="utf-8")
    return root


@pytest.fixture
def mini_root(tmp_path: Path) -> Path:
    return write_dataset(tmp_path / "data")


@pytest.fixture
def mini_desk(tmp_path: Path, mini_root: Path):
    desk = Desk.open(tmp_path / "desk.db", mini_root)
    yield desk
    desk.close()


@pytest.fixture
def shipped_desk(tmp_path: Path):
    desk = Desk.open(tmp_path / "shipped.db")
    yield desk
    desk.close()


@pytest.fixture(scope="session")
def asking_desk(tmp_path_factory):
    """The shipped data in one database for the whole run, for tests that only ask it questions; a test that
    changes the store takes its own (`shipped_desk`)."""
    desk = Desk.open(tmp_path_factory.mktemp("asking") / "asking.db")
    yield desk
    desk.close()


@pytest.fixture
def moderator() -> Actor:
    return Actor(id="u-mod", name="Mod", guild_id="g1", manage_server=True)


@pytest.fixture
def member() -> Actor:
    return Actor(id="u-member", name="Member", guild_id="g1")
