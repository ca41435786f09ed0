"""The curated fact store: every write is validated, versioned as a revision and indexed in one transaction.

Nothing is deleted. Retiring hides a fact from answers and keeps its history; reverting writes an earlier
revision's content as a new revision, so the history only grows.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from bot.core import fact_readings
from bot.core.bodies import Body
from bot.core.changelog import ChangeLog
from bot.core.db import Database
from bot.core.models import (
    MAX_REASON,
    Fact,
    InputError,
    NotFound,
    Revision,
    Source,
    Topic,
    validate_fact,
)
from bot.core.permissions import Actor
from bot.core.problems import fact_problems
from bot.core.text import ENGLISH, index_text
from bot.core.text_fr import FRENCH, french_index, french_terms
from bot.core.timeutil import to_iso, utcnow

_JSON_FIELDS = ("sources", "questions", "keywords", "questions_fr")


@dataclass
class ImportPlan:
    """What an import would change, computed before anything is written so a moderator can confirm it."""

    sources: list[Source] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    synonyms: list[list[str]] | None = None
    synonyms_fr: list[list[str]] | None = None
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    new_sources: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{len(self.created)} new", f"{len(self.updated)} changed", f"{len(self.unchanged)} unchanged"]
        text = "Facts: " + ", ".join(parts)
        if self.new_sources:
            text += f"; {len(self.new_sources)} new source(s)"
        return text


def _row_to_fact(row: Any) -> Fact:
    data = dict(row)
    for name in _JSON_FIELDS:
        data[name] = json.loads(data[name])
    return Fact(**{k: data[k] for k in Fact.__dataclass_fields__})


def _check_reason(reason: str) -> str:
    reason = " ".join((reason or "").split())
    if len(reason) > MAX_REASON:
        raise InputError(f"the reason is {len(reason)} characters; the limit is {MAX_REASON}")
    return reason


class FactStore:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.changes = ChangeLog()  # what writes changed, so caches built from the store know when to refresh

    # --- reading -------------------------------------------------------------------------------------------
    def topics(self) -> list[Topic]:
        rows = self.db.query("SELECT id, name, description, name_fr, description_fr FROM topics"
                             " ORDER BY position, id")
        return [Topic(r["id"], r["name"], r["description"], r["name_fr"], r["description_fr"]) for r in rows]

    def topic_ids(self) -> set[str]:
        return {t.id for t in self.topics()}

    def sources(self) -> dict[str, Source]:
        rows = self.db.query("SELECT id, publisher, title, date, url FROM sources ORDER BY id")
        return {r["id"]: Source(r["id"], r["publisher"], r["title"], r["date"], r["url"]) for r in rows}

    def sources_for(self, fact: Fact) -> list[Source]:
        if not fact.sources:
            return []
        marks = ",".join("?" * len(fact.sources))
        rows = self.db.query(
            f"SELECT id, publisher, title, date, url FROM sources WHERE id IN ({marks})", tuple(fact.sources)
        )
        by_id = {r["id"]: Source(r["id"], r["publisher"], r["title"], r["date"], r["url"]) for r in rows}
        return [by_id[s] for s in fact.sources if s in by_id]

    def get(self, fact_id: str) -> Fact | None:
        row = self.db.query_one("SELECT * FROM facts WHERE id = ?", (fact_id,))
        return None if row is None else _row_to_fact(row)

    def get_many(self, rowids: list[int]) -> dict[int, Fact]:
        if not rowids:
            return {}
        marks = ",".join("?" * len(rowids))
        rows = self.db.query(f"SELECT rowid AS _rowid, * FROM facts WHERE rowid IN ({marks})", tuple(rowids))
        out = {}
        for row in rows:
            data = dict(row)
            rid = data.pop("_rowid")
            for name in _JSON_FIELDS:
                data[name] = json.loads(data[name])
            out[rid] = Fact(**{k: data[k] for k in Fact.__dataclass_fields__})
        return out

    def require(self, fact_id: str, *, active: bool = False) -> Fact:
        fact = self.get((fact_id or "").strip())
        if fact is None or (active and fact.status != "active"):
            hint = self.did_you_mean(fact_id)
            more = f" Did you mean {', '.join(f'`{h}`' for h in hint)}?" if hint else ""
            raise NotFound(f"No fact with id `{fact_id}`.{more}")
        return fact

    def did_you_mean(self, text: str, limit: int = 3) -> list[str]:
        choices = {r["id"]: f"{r['id']} {r['title']}" for r in self.db.query("SELECT id, title FROM facts")}
        found = process.extract(text or "", choices, scorer=fuzz.WRatio, limit=limit, score_cutoff=60)
        return [key for _, _, key in found]

    def list(self, topic: str | None = None, *, include_retired: bool = False) -> list[Fact]:
        sql = "SELECT * FROM facts WHERE 1 = 1"
        params: list[Any] = []
        if topic:
            sql += " AND topic = ?"
            params.append(topic)
        if not include_retired:
            sql += " AND status = 'active'"
        return [_row_to_fact(r) for r in self.db.query(sql + " ORDER BY topic, id", tuple(params))]

    def count(self) -> int:
        row = self.db.query_one("SELECT count(*) FROM facts WHERE status = 'active'")
        return int(row[0]) if row else 0

    def search_ids(self, prefix: str, limit: int = 25) -> list[tuple[str, str]]:
        """(id, title) pairs for autocomplete: ids or titles containing what was typed, best first."""
        rows = self.db.query("SELECT id, title FROM facts WHERE status = 'active' ORDER BY id")
        if not prefix:
            return [(r["id"], r["title"]) for r in rows[:limit]]
        choices = {r["id"]: f"{r['id']} {r['title']}" for r in rows}
        found = process.extract(prefix, choices, scorer=fuzz.WRatio, limit=limit, score_cutoff=50)
        titles = {r["id"]: r["title"] for r in rows}
        return [(key, titles[key]) for _, _, key in found]

    def history(self, fact_id: str) -> list[Revision]:
        self.require(fact_id)
        rows = self.db.query("SELECT * FROM fact_revisions WHERE fact_id = ? ORDER BY rev", (fact_id,))
        return [
            Revision(
                subject_id=r["fact_id"],
                rev=r["rev"],
                action=r["action"],
                actor_id=r["actor_id"],
                actor_name=r["actor_name"],
                at=r["at"],
                reason=r["reason"],
                changed=json.loads(r["changed"]),
                snapshot=json.loads(r["snapshot"]),
            )
            for r in rows
        ]

    def stale(self, today: str) -> list[Fact]:
        rows = self.db.query(
            "SELECT * FROM facts WHERE status = 'active' AND review_by IS NOT NULL AND review_by < ?"
            " ORDER BY review_by",
            (today,),
        )
        return [_row_to_fact(r) for r in rows]

    def synonyms(self, lang: str = "en") -> list[list[str]]:
        """The synonym groups English questions are read with, or (lang "fr") French ones."""
        groups: dict[int, list[str]] = {}
        table = "synonyms_fr" if lang == "fr" else "synonyms"
        for row in self.db.query(f"SELECT term, grp FROM {table} ORDER BY grp, rowid"):
            groups.setdefault(row["grp"], []).append(row["term"])
        return list(groups.values())

    def other_bodies(self) -> list[Body]:
        return [Body(r["id"], r["name"], r["name_fr"], tuple(json.loads(r["aliases"])), r["kind"])
                for r in self.db.query("SELECT * FROM other_bodies ORDER BY position, id")]

    def replace_other_bodies(self, bodies: list[Body]) -> None:
        """The whole list at once (it is curated as one file)."""
        with self.db.transaction():
            table = self.db.utils["other_bodies"]
            table.delete_where()
            table.insert_all([{**b.to_record(), "aliases": json.dumps(list(b.aliases), ensure_ascii=False),
                               "position": i} for i, b in enumerate(bodies)], pk="id")
            self.db.after_commit(self.changes.bump)

    # --- writing -------------------------------------------------------------------------------------------
    def validate(self, data: dict[str, Any]) -> Fact:
        return validate_fact(data, topics=self.topic_ids(), sources=set(self.sources()))

    def add(self, data: dict[str, Any], actor: Actor, reason: str = "") -> Fact:
        fact = self.validate(data)
        reason = _check_reason(reason)
        with self.db.transaction():
            if self.get(fact.id) is not None:
                raise InputError(f"a fact with id `{fact.id}` already exists; edit it or pick another id")
            self._write(fact, None, "add", actor, reason)
        return self.require(fact.id)

    def edit(self, fact_id: str, changes: dict[str, Any], actor: Actor, reason: str = "") -> Fact:
        reason = _check_reason(reason)
        with self.db.transaction():
            current = self.require(fact_id)
            if "id" in changes and changes["id"] != fact_id:
                raise InputError("a fact's id cannot change; retire it and add a new one")
            merged = {**current.content(), **changes, "id": fact_id}
            fact = self.validate(merged)
            if fact.content() == current.content():
                raise InputError("nothing changed: the new values are the same as the current ones")
            fact.status = current.status
            self._write(fact, current, "edit", actor, reason)
        return self.require(fact_id)

    def retire(self, fact_id: str, actor: Actor, reason: str) -> Fact:
        reason = _check_reason(reason)
        if not reason:
            raise InputError("say why the fact is retired (a reason is required)")
        with self.db.transaction():
            current = self.require(fact_id)
            if current.status == "retired":
                raise InputError(f"`{fact_id}` is already retired")
            fact = Fact(**{**current.to_dict(), "status": "retired"})
            self._write(fact, current, "retire", actor, reason)
        return self.require(fact_id)

    def revert(self, fact_id: str, rev: int, actor: Actor, reason: str = "") -> Fact:
        reason = _check_reason(reason)
        with self.db.transaction():
            current = self.require(fact_id)
            row = self.db.query_one("SELECT snapshot FROM fact_revisions WHERE fact_id = ? AND rev = ?", (fact_id, rev))
            if row is None:
                raise NotFound(f"`{fact_id}` has no revision {rev} (it has 1 to {current.rev})")
            snapshot = json.loads(row["snapshot"])
            status = snapshot.pop("status", "active")
            fact = self.validate(snapshot)
            fact.status = status
            if fact.content() == current.content() and fact.status == current.status:
                raise InputError(f"`{fact_id}` already matches revision {rev}")
            self._write(fact, current, "revert", actor, reason or f"revert to revision {rev}")
        return self.require(fact_id)

    def _write(self, fact: Fact, current: Fact | None, action: str, actor: Actor, reason: str) -> None:
        now = to_iso(utcnow())
        fact.rev = (current.rev if current else 0) + 1
        fact.created_at = current.created_at if current else now
        fact.updated_at = now
        english_changed = current is None or (current.title, current.text) != (fact.title, fact.text)
        french_changed = current is None or (current.title_fr, current.text_fr) != (fact.title_fr, fact.text_fr)
        precise = utcnow().isoformat(timespec="microseconds")  # two edits in one second still compare
        fact.text_changed_at = precise if english_changed else current.text_changed_at
        fact.text_fr_changed_at = precise if french_changed else current.text_fr_changed_at
        changed = _changed_fields(current, fact)
        row = {
            **fact.to_dict(),
            **{name: json.dumps(getattr(fact, name), ensure_ascii=False) for name in _JSON_FIELDS},
        }
        db = self.db.utils
        touched = set(index_text(" ".join([fact.title, *fact.questions, *fact.keywords, fact.text])).split())
        if current is not None:
            touched |= set(index_text(" ".join([current.title, *current.questions, *current.keywords,
                                                current.text])).split())
            touched |= french_terms(current)
        touched |= french_terms(fact)
        db["facts"].upsert(row, pk="id")
        rowid = db.execute("SELECT rowid FROM facts WHERE id = ?", (fact.id,)).fetchone()[0]
        if fact.status == "active":  # only what may be an answer is searchable; triggers keep the FTS index
            self._index(fact, rowid)
        else:
            db["fact_index"].delete_where("id = ?", [rowid])
            db[FRENCH.index].delete_where("id = ?", [rowid])
        db["fact_revisions"].insert({
            "fact_id": fact.id, "rev": fact.rev, "action": action, "actor_id": actor.id, "actor_name": actor.name,
            "at": now, "reason": reason, "changed": json.dumps(changed),
            "snapshot": json.dumps({**fact.content(), "status": fact.status}, ensure_ascii=False),
        })
        self.db.after_commit(functools.partial(self.changes.bump, frozenset(touched)))

    def _index(self, fact: Fact, rowid: int) -> None:
        db = self.db.utils
        db["fact_index"].upsert({
            "id": rowid,
            "title": index_text(fact.title),
            "questions": index_text(" ".join(fact.questions)),
            "keywords": index_text(" ".join(fact.keywords)),
            "text": index_text(fact.text),
            "readings": fact_readings.stored(fact, ENGLISH),
        }, pk="id")
        db[FRENCH.index].upsert({"id": rowid, **french_index(fact), "readings": fact_readings.stored(fact, FRENCH)},
                                pk="id")

    def reindex(self) -> int:
        """Stem every active fact again, after the way words are stemmed changed (bot.core.text.INDEX_VERSION);
        the caller holds the write transaction. Returns how many facts were indexed."""
        rows = self.db.query("SELECT rowid AS _rowid, * FROM facts WHERE status = 'active'")
        for row in rows:
            self._index(_row_to_fact(row), row["_rowid"])
        self.db.after_commit(self.changes.bump)
        return len(rows)

    @property
    def generation(self) -> int:
        """Bumped on every committed write."""
        return self.changes.generation

    # --- bulk: seeding and imports -------------------------------------------------------------------------
    def plan_import(
        self,
        facts: list[dict[str, Any]],
        sources: list[Source] | None = None,
        topics: list[Topic] | None = None,
        synonyms: list[list[str]] | None = None,
        synonyms_fr: list[list[str]] | None = None,
    ) -> ImportPlan:
        """Validate every row against the store plus what the import itself brings; raise naming every problem of
        every row (file:line where the rows came from a file), nothing planned unless all are valid."""
        sources, topics = sources or [], topics or []
        known_topics = self.topic_ids() | {t.id for t in topics}
        known_sources = self.sources()
        plan = ImportPlan(sources=list(sources), topics=list(topics), synonyms=synonyms, synonyms_fr=synonyms_fr)
        plan.new_sources = [s.id for s in sources if s.id not in known_sources]
        source_ids = set(known_sources) | {s.id for s in sources}
        seen: set[str] = set()
        problems: list[str] = []
        for number, data in enumerate(facts, start=1):
            where = getattr(data, "where", None) or f"row {number}"
            try:
                fact = validate_fact(data, topics=known_topics, sources=source_ids)
            except InputError:
                problems += [f"{where}: {p}" for p in fact_problems(dict(data), topics=known_topics,
                                                                    sources=source_ids)]
                continue
            if fact.id in seen:
                problems.append(f"{where}: id `{fact.id}` appears twice in this import")
            seen.add(fact.id)
            current = self.get(fact.id)
            if current is None:
                plan.created.append(fact.id)
            elif current.content() != fact.content() or current.status != "active":
                plan.updated.append(fact.id)
            else:
                plan.unchanged.append(fact.id)
            plan.facts.append(fact)
        if problems:
            raise InputError("\n".join(problems))
        return plan

    def apply_import(self, plan: ImportPlan, actor: Actor, reason: str = "import") -> ImportPlan:
        reason = _check_reason(reason)
        db = self.db.utils
        with self.db.transaction():
            if plan.topics:
                db["topics"].upsert_all(
                    [{"id": t.id, "name": t.name, "description": t.description, "name_fr": t.name_fr,
                      "description_fr": t.description_fr, "position": position}
                     for position, t in enumerate(plan.topics)], pk="id")
            if plan.sources:
                db["sources"].upsert_all(
                    [{"id": s.id, "publisher": s.publisher, "title": s.title, "date": s.date, "url": s.url}
                     for s in plan.sources], pk="id")
            for table, groups in (("synonyms", plan.synonyms), ("synonyms_fr", plan.synonyms_fr)):
                if groups is not None:
                    db[table].delete_where()
                    db[table].insert_all(
                        [{"term": term, "grp": grp} for grp, group in enumerate(groups) for term in group],
                        pk="term", ignore=True)
            changed = set(plan.created) | set(plan.updated)
            for fact in plan.facts:
                if fact.id in changed:
                    current = self.get(fact.id)
                    self._write(fact, current, "import", actor, reason)
            if changed:
                self.db.optimize_search(f"{ENGLISH.index}_fts", f"{FRENCH.index}_fts")
            self.db.after_commit(self.changes.bump)
        return plan


def _changed_fields(before: Fact | None, after: Fact) -> list[str]:
    if before is None:
        return list(after.content())
    old, new = {**before.content(), "status": before.status}, {**after.content(), "status": after.status}
    return [k for k in new if old.get(k) != new.get(k)] + [k for k in old if k not in new]
