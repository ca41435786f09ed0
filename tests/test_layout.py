"""The tree shows the design: the core imports no adapter and nothing of discord.py or aiohttp, no module imports
itself back through others, and no module grows past what one person can hold."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "bot"
ADAPTERS = ("bot.discord_bot", "bot.chat", "bot.cli", "bot.web")
FOREIGN_TO_CORE = ("discord", "aiohttp")
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports(path: Path) -> Iterator[str]:
    """Every module a file imports, at any depth (inside functions and TYPE_CHECKING blocks too)."""
    tree = ast.parse(path.read_text(), str(path))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                yield sub if sub in MODULES else base


def graph() -> dict[str, set[str]]:
    """Module -> the project modules it imports. Importing one's own parent package is not an edge: Python
    imports every parent of a module before the module itself anyway."""
    return {name: {m for m in imports(path) if m in MODULES and m != name and not name.startswith(m + ".")}
            for name, path in MODULES.items()}


def test_the_core_imports_no_adapter_and_no_discord() -> None:
    bad = []
    for name, path in MODULES.items():
        if not name.startswith("bot.core"):
            continue
        for imported in imports(path):
            top = imported.split(".")[0]
            if top in FOREIGN_TO_CORE or imported.startswith(ADAPTERS):
                bad.append(f"{name} imports {imported}")
    assert not bad, "\n".join(bad)


def test_no_import_circles() -> None:
    edges = graph()
    circles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                circles.append([*path[path.index(nxt):], nxt])
            elif nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    assert not circles, "import circles:\n" + "\n".join(" -> ".join(c) for c in circles)


def test_adapters_do_not_import_each_other() -> None:
    bad = []
    for name, path in MODULES.items():
        own = next((a for a in ADAPTERS if name.startswith(a)), None)
        if own is None or own == "bot.cli":  # the command line starts the other adapters
            continue
        bad += [f"{name} imports {m}" for m in imports(path) if m.startswith(ADAPTERS) and not m.startswith(own)]
    assert not bad, "\n".join(bad)


def test_no_module_over_the_size_limit() -> None:
    big = {name: n for name, p in MODULES.items() if (n := len(p.read_text().splitlines())) > MAX_LINES}
    assert not big, f"modules over {MAX_LINES} lines: {big}"


def test_the_graph_sees_real_imports() -> None:
    """Guards the walker itself: a known edge must be found, or the tests above would pass on an empty graph."""
    edges = graph()
    assert "bot.core.facts" in edges["bot.core.answering"]
    assert any(m.startswith("bot.core") for m in edges["bot.discord_bot.client"])


def test_the_benchmarks_find_the_files_they_read() -> None:
    """The benchmarks are not run by the tests; a moved evaluation set must still not break them silently."""
    from bench import bench_answers

    assert bench_answers.MEMBERS.is_file(), bench_answers.MEMBERS


def test_the_bench_asks_members_first_questions_once_each() -> None:
    import random

    import yaml

    from bench import bench_answers

    asked = bench_answers.first_askings(50, random.Random(1))
    assert len(asked) == len(set(asked)) == 50
    assert not set(asked) & {q["q"] for q in yaml.safe_load(bench_answers.MEMBERS.read_text())}
