"""The curated files in `data/`: loading them with file:line for every record, checking them, importing
YAML/JSON/CSV uploads, and exporting the live store back to the same layout so curation reviews as a diff.

Layout: sources.yaml, topics.yaml, synonyms.yaml, other_bodies.yaml, facts/<topic>.yaml, deadlines.yaml.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.core.bodies import FILE_HEADER as BODIES_HEADER
from bot.core.bodies import Body, validate_body
from bot.core.deadlines.model import validate_deadline_record
from bot.core.models import FACT_FIELDS, Fact, InputError, Source, Topic, check_slug, validate_fact, validate_source
from bot.core.parsing import MAX_IMPORT_BYTES, Located, decode_text, load_json, load_yaml
from bot.core.problems import deadline_problems, fact_problems
from bot.core.storage import write_all_private

__all__ = ["MAX_IMPORT_BYTES", "Located", "load_yaml"]  # read from here by older callers; they live in parsing

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"


def data_dir() -> Path:
    return Path(os.environ.get("BOT_DATA") or DEFAULT_DATA_DIR)


def _read_yaml(path: Path, label: str) -> Any:
    return load_yaml(decode_text(path.read_bytes(), label), label)


@dataclass
class Dataset:
    sources: list[Source] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    facts: list[Located] = field(default_factory=list)
    synonyms: list[list[str]] | None = None
    synonyms_fr: list[list[str]] | None = None
    other_bodies: list[Body] | None = None
    deadlines: list[Located] = field(default_factory=list)


@dataclass(frozen=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


def _records(value: Any, label: str, problems: list[Problem]) -> list[Located]:
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(Problem(label, "expected a list of records"))
        return []
    out = []
    for index, item in enumerate(value, start=1):
        if isinstance(item, Located):
            out.append(item)
        else:
            problems.append(Problem(f"{label}", f"item {index} is not a mapping of field: value"))
    return out


def load_dataset(root: Path) -> tuple[Dataset, list[Problem]]:
    """Read every data file, collecting all problems rather than stopping at the first."""
    problems: list[Problem] = []
    data = Dataset()

    def read(rel: str, required: bool = True) -> Any:
        path = root / rel
        if not path.exists():
            if required:
                problems.append(Problem(rel, "file is missing"))
            return None
        try:
            return _read_yaml(path, rel)
        except InputError as exc:
            problems.append(Problem("", str(exc)))
            return None

    seen_sources: set[str] = set()
    for rec in _records(read("sources.yaml"), "sources.yaml", problems):
        try:
            source = validate_source(dict(rec))
        except InputError as exc:
            problems.append(Problem(rec.where, str(exc)))
            continue
        if source.id in seen_sources:
            problems.append(Problem(rec.where, f"source id `{source.id}` is used twice"))
        seen_sources.add(source.id)
        data.sources.append(source)

    for rec in _records(read("topics.yaml"), "topics.yaml", problems):
        try:
            topic = Topic(check_slug(rec.get("id"), "topic id"), str(rec.get("name") or "").strip(),
                          str(rec.get("description") or "").strip(), str(rec.get("name_fr") or "").strip(),
                          str(rec.get("description_fr") or "").strip())
        except InputError as exc:
            problems.append(Problem(rec.where, str(exc)))
            continue
        if not topic.name:
            problems.append(Problem(rec.where, f"topic `{topic.id}` has no name"))
        data.topics.append(topic)

    for lang, groups in _synonym_sections(root / "synonyms.yaml", problems).items():
        if not isinstance(groups, list) or not all(
            isinstance(g, list) and len(g) >= 2 and all(isinstance(t, str) and t.strip() for t in g) for g in groups
        ):
            problems.append(Problem("synonyms.yaml", "expected a list of groups, each a list of two or more terms"))
        elif lang == "fr":
            data.synonyms_fr = [[t.strip().lower() for t in g] for g in groups]
        else:
            data.synonyms = [[t.strip().lower() for t in g] for g in groups]

    bodies = read("other_bodies.yaml", required=False)
    if bodies is not None:
        data.other_bodies = []
        for rec in _records(bodies, "other_bodies.yaml", problems):
            try:
                data.other_bodies.append(validate_body(dict(rec)))
            except InputError as exc:
                problems.append(Problem(rec.where, str(exc)))

    fact_files = sorted((root / "facts").glob("*.yaml")) if (root / "facts").is_dir() else []
    if not fact_files:
        problems.append(Problem("facts/", "no fact files (facts/<topic>.yaml)"))
    for path in fact_files:
        rel = f"facts/{path.name}"
        try:
            value = _read_yaml(path, rel)
        except InputError as exc:
            problems.append(Problem("", str(exc)))
            continue
        data.facts.extend(_records(value, rel, problems))

    data.deadlines = _records(read("deadlines.yaml", required=False), "deadlines.yaml", problems)
    return data, problems


# synonyms.yaml holds the English groups, then this line, then the groups French questions are read with.
FRENCH_SYNONYMS = ("# --- French: the groups French questions are read with (CPI / ICC, AEP / ASP, décret / executive "
                   "order ...) ---\n")


def _synonym_sections(path: Path, problems: list[Problem]) -> dict[str, Any]:
    """The English and French groups of synonyms.yaml (each parsed with its own lines numbered as in the file)."""
    if not path.exists():
        return {}
    try:
        text = decode_text(path.read_bytes(), "synonyms.yaml")
        english, marker, french = text.partition(FRENCH_SYNONYMS)
        sections = {"en": load_yaml(english, "synonyms.yaml")}
        if marker:
            sections["fr"] = load_yaml("\n" * (english + marker).count("\n") + french, "synonyms.yaml")
    except InputError as exc:
        problems.append(Problem("", str(exc)))
        return {}
    return {lang: groups for lang, groups in sections.items() if groups is not None}


def load_other_bodies(root: Path) -> tuple[list[Body], list[Problem]]:
    """Just `other_bodies.yaml` (for a database seeded before the list existed)."""
    problems: list[Problem] = []
    path = root / "other_bodies.yaml"
    if not path.exists():
        return [], problems
    bodies = []
    try:
        records = _records(_read_yaml(path, "other_bodies.yaml"), "other_bodies.yaml", problems)
    except InputError as exc:
        return [], [Problem("", str(exc))]
    for rec in records:
        try:
            bodies.append(validate_body(dict(rec)))
        except InputError as exc:
            problems.append(Problem(rec.where, str(exc)))
    return bodies, problems


def check_dataset(root: Path) -> tuple[Dataset, list[Problem]]:
    """Everything `facts check` verifies: each record valid, ids unique, every reference resolving."""
    data, problems = load_dataset(root)
    topic_ids = {t.id for t in data.topics}
    source_ids = {s.id for s in data.sources}
    seen: dict[str, str] = {}
    for rec in data.facts:
        try:
            fact = validate_fact(dict(rec), topics=topic_ids, sources=source_ids)
        except InputError:  # every problem of the record, not only the first
            problems += [Problem(rec.where, p) for p in fact_problems(dict(rec), topics=topic_ids, sources=source_ids)]
            continue
        if fact.id in seen:
            problems.append(Problem(rec.where, f"fact id `{fact.id}` already used at {seen[fact.id]}"))
        seen.setdefault(fact.id, rec.where)
        expected = Path(rec.where.split(":")[0]).stem
        if fact.topic != expected:
            problems.append(Problem(rec.where, f"fact `{fact.id}` has topic `{fact.topic}` but is in {expected}.yaml"))
    deadline_ids: set[str] = set()
    for rec in data.deadlines:
        try:
            deadline_id = validate_deadline_record(dict(rec), sources=source_ids)
        except InputError:
            problems += [Problem(rec.where, p) for p in deadline_problems(dict(rec), sources=source_ids)]
            continue
        if deadline_id in deadline_ids:
            problems.append(Problem(rec.where, f"deadline id `{deadline_id}` is used twice"))
        deadline_ids.add(deadline_id)
    return data, problems


# --- uploads -------------------------------------------------------------------------------------------------
_LIST_SEPARATORS = {"sources": ",", "keywords": ",", "questions": "|", "questions_fr": "|"}


def parse_import(raw: bytes, filename: str) -> tuple[list[Located], list[Source]]:
    """An uploaded YAML, JSON or CSV file as fact records (and any sources it brings); InputError if broken."""
    text = decode_text(raw, filename)
    suffix = Path(filename).suffix.lower()
    if suffix == ".csv":
        return _parse_csv(text, filename), []
    if suffix == ".json":
        value = load_json(text, filename)
    elif suffix in (".yaml", ".yml"):
        value = load_yaml(text, filename)
    else:
        raise InputError(f"{filename}: use a .yaml, .yml, .json or .csv file")
    if isinstance(value, list):
        facts_value, sources_value = value, []
    elif isinstance(value, dict):
        extra = set(value) - {"facts", "sources"}
        if extra:
            keys = ", ".join(sorted(map(str, extra)))
            raise InputError(f"{filename}: unknown top-level key(s) {keys}; use facts and sources")
        facts_value, sources_value = value.get("facts") or [], value.get("sources") or []
    else:
        raise InputError(f"{filename}: expected a list of facts, or a mapping with `facts` (and `sources`)")
    problems: list[Problem] = []
    facts = _records(facts_value, filename, problems)
    source_records = _records(sources_value, filename, problems)
    if problems:
        raise InputError(str(problems[0]))
    if not facts:
        raise InputError(f"{filename}: no facts found")
    sources = []
    for rec in source_records:
        try:
            sources.append(validate_source(dict(rec)))
        except InputError as exc:
            raise InputError(f"{rec.where or filename}: {exc}") from None
    return facts, sources


def _parse_csv(text: str, filename: str) -> list[Located]:
    try:
        reader = csv.DictReader(io.StringIO(text))
        header = reader.fieldnames or []
        missing = {"id", "topic", "title", "text", "sources", "as_of"} - set(header)
        if missing:
            raise InputError(f"{filename}:1: missing column(s) {', '.join(sorted(missing))}")
        unknown = set(header) - set(FACT_FIELDS) - {"status"}
        if unknown:
            raise InputError(f"{filename}:1: unknown column(s) {', '.join(sorted(map(str, unknown)))}")
        rows = []
        for row in reader:
            if None in row:
                raise InputError(f"{filename}:{reader.line_num}: more values than columns")
            rec = Located({k: v for k, v in row.items() if v not in (None, "")})
            for name, sep in _LIST_SEPARATORS.items():
                if name in rec:
                    rec[name] = [part.strip() for part in rec[name].split(sep) if part.strip()]
            rec.where = f"{filename}:{reader.line_num}"
            rows.append(rec)
        return rows
    except csv.Error as exc:
        raise InputError(f"{filename}: not valid CSV ({exc})") from None


# --- export --------------------------------------------------------------------------------------------------
class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # never write &anchors: the loader refuses them


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = ">" if len(value) > 90 and "\n" not in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_list(dumper: yaml.SafeDumper, value: list) -> yaml.Node:
    flow = all(isinstance(v, str) and len(v) <= 40 for v in value) and sum(len(v) for v in value) < 80
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(Located, lambda d, v: d.represent_dict(dict(v)))


def dump_yaml(value: Any) -> str:
    return yaml.dump(value, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2)


def fact_record(fact: Fact) -> dict[str, Any]:
    record = fact.content()
    if fact.status != "active":
        record["status"] = fact.status
    return record


def _topic_record(topic: Topic) -> dict[str, str]:
    record = {"id": topic.id, "name": topic.name, "description": topic.description}
    if topic.name_fr:
        record["name_fr"] = topic.name_fr
    if topic.description_fr:
        record["description_fr"] = topic.description_fr
    return record


def render_files(
    sources: list[Source], topics: list[Topic], facts: list[Fact], synonyms: list[list[str]],
    deadlines: list[dict[str, Any]], other_bodies: list[Body] | None = None,
    synonyms_fr: list[list[str]] | None = None,
) -> dict[str, str]:
    """Relative path -> file text, in the `data/` layout."""
    files = {
        "sources.yaml": dump_yaml([s.to_dict() for s in sources]),
        "topics.yaml": dump_yaml([_topic_record(t) for t in topics]),
        "synonyms.yaml": dump_yaml(synonyms) + (FRENCH_SYNONYMS + dump_yaml(synonyms_fr) if synonyms_fr else ""),
        "deadlines.yaml": dump_yaml(deadlines),
    }
    if other_bodies:
        files["other_bodies.yaml"] = BODIES_HEADER + dump_yaml([b.to_record() for b in other_bodies])
    by_topic: dict[str, list[dict[str, Any]]] = {t.id: [] for t in topics}
    for fact in sorted(facts, key=lambda f: f.id):
        by_topic.setdefault(fact.topic, []).append(fact_record(fact))
    for topic, records in by_topic.items():
        files[f"facts/{topic}.yaml"] = dump_yaml(records)
    return files


def write_files(root: Path, files: dict[str, str]) -> list[Path]:
    """Write an export all or nothing: new files 0600 and new folders 0700, files that exist keep their mode;
    a failure (a full disk) replaces none of them, leaves no temporary file and raises StorageError."""
    return write_all_private({root / rel: text.encode("utf-8") for rel, text in files.items()}, "the export")
