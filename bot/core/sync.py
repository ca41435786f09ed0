"""Bringing a reviewed `data/` folder into a running database: sources, topics, synonyms, facts and deadlines
together, all or nothing.

Coalitions review their data in git; once a change is merged, the running desk must take it in without being
rebuilt. A sync first checks the whole folder (every problem of every file, with file:line) and works out a plan:
what it adds, changes, retires (facts no longer in the files) and cancels (deadlines no longer in the files).
Nothing is written until the plan is confirmed; then everything goes in one transaction, each change a revision
by "sync", and the reminders of changed deadlines are derived again (a channel already reminded of a deadline
that moved hears about it). An exported zip (from /facts export) is unpacked into a private temporary folder
and synced the same way.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from bot.core.datafiles import Dataset, check_dataset
from bot.core.deadlines.model import Deadline, deadline_from_record
from bot.core.desk import DATA_FINGERPRINT, Desk, data_fingerprint
from bot.core.facts import ImportPlan
from bot.core.models import InputError
from bot.core.parsing import MAX_IMPORT_BYTES
from bot.core.permissions import Actor
from bot.core.reminders.derive import derive_reminders
from bot.core.reminders.notices import queue_moved_notices
from bot.core.storage import make_private_dirs, write_private

SYNC_ACTOR = Actor(id="sync", name="sync", manage_server=True, operator=True)
REASON = "synced from the data files"
GONE = "no longer in the synced data files"
MAX_ARCHIVE_FILES = 500
MAX_ARCHIVE_BYTES = 20 * 1024 * 1024
SHOWN = 8  # ids named per line of the plan


@dataclass
class SyncPlan:
    data: Dataset
    facts: ImportPlan
    retire: list[str] = field(default_factory=list)
    sources_new: list[str] = field(default_factory=list)
    sources_changed: list[str] = field(default_factory=list)
    topics_new: list[str] = field(default_factory=list)
    topics_changed: list[str] = field(default_factory=list)
    synonyms_changed: bool = False
    deadlines_new: list[str] = field(default_factory=list)
    deadlines_changed: list[str] = field(default_factory=list)
    deadlines_cancel: list[str] = field(default_factory=list)
    fingerprint: str = ""  # of the folder planned from, kept in the database once written

    @property
    def changes(self) -> int:
        return (len(self.facts.created) + len(self.facts.updated) + len(self.retire) + len(self.sources_new)
                + len(self.sources_changed) + len(self.topics_new) + len(self.topics_changed)
                + int(self.synonyms_changed) + len(self.deadlines_new) + len(self.deadlines_changed)
                + len(self.deadlines_cancel))

    def lines(self) -> list[str]:
        """The plan in words, one line per kind of record, naming the ids."""
        def part(verb: str, ids: list[str]) -> str:
            named = ", ".join(f"`{i}`" for i in ids[:SHOWN]) + (f" and {len(ids) - SHOWN} more" if len(ids) > SHOWN
                                                                 else "")
            return f"{len(ids)} {verb} ({named})" if ids else ""

        rows = [("Sources", [part("new", self.sources_new), part("changed", self.sources_changed)]),
                ("Topics", [part("new", self.topics_new), part("changed", self.topics_changed)]),
                ("Synonyms", ["changed" if self.synonyms_changed else ""]),
                ("Facts", [part("new", self.facts.created), part("changed", self.facts.updated),
                           part("to retire", self.retire)]),
                ("Deadlines", [part("new", self.deadlines_new), part("changed", self.deadlines_changed),
                               part("to cancel", self.deadlines_cancel)])]
        out = [f"- {name}: {'; '.join(p for p in parts if p)}" for name, parts in rows if any(parts)]
        return out or ["- nothing to change: the database already matches the files"]

    def summary(self) -> str:
        return "\n".join(self.lines())


# --- reading -------------------------------------------------------------------------------------------------------
def unpack_archive(raw: bytes, target: Path) -> None:
    """An exported zip into `target` (0700, files 0600): only the data layout's .yaml files, under a `data/` folder
    or at the top; no absolute paths, no `..`, and limits on count and size, so a hostile zip cannot escape the
    folder or fill the disk."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile:
        raise InputError("that file is not a zip archive; use the one /facts export makes") from None
    members = [m for m in archive.infolist() if not m.is_dir()]
    if len(members) > MAX_ARCHIVE_FILES:
        raise InputError(f"the archive holds {len(members)} files; the limit is {MAX_ARCHIVE_FILES}")
    if sum(m.file_size for m in members) > MAX_ARCHIVE_BYTES:
        raise InputError(f"the archive unpacks to more than {MAX_ARCHIVE_BYTES // (1024 * 1024)} MiB")
    make_private_dirs(target)
    for member in members:
        path = PurePosixPath(member.filename)
        parts = path.parts[1:] if path.parts[:1] == ("data",) else path.parts
        if path.is_absolute() or ".." in parts or not parts or path.suffix not in (".yaml", ".yml"):
            continue
        if len(parts) > 2 or (len(parts) == 2 and parts[0] != "facts"):
            continue
        if member.file_size > MAX_IMPORT_BYTES:
            raise InputError(f"{'/'.join(parts)} is {member.file_size:,} bytes; the limit is {MAX_IMPORT_BYTES:,}")
        if len(parts) == 2:
            make_private_dirs(target / parts[0])
        write_private(target.joinpath(*parts), archive.read(member), "a file of the archive")


def plan_sync(desk: Desk, root: Path) -> SyncPlan:
    """Check the whole folder and work out what a sync would change; InputError listing every problem (file:line)
    if the files are not valid. Writes nothing."""
    if not root.is_dir():
        raise InputError(f"{root} is not a folder; give the data folder (with sources.yaml and facts/)")
    data, problems = check_dataset(root)
    if problems:
        listed = "\n".join(f"- {p}" for p in problems[:50])
        more = f"\n…and {len(problems) - 50} more" if len(problems) > 50 else ""
        raise InputError(f"The data files have {len(problems)} problem(s); nothing was changed:\n{listed}{more}")
    facts = desk.facts
    plan = SyncPlan(data, facts.plan_import(data.facts, data.sources, data.topics, data.synonyms or [],
                                            data.synonyms_fr or []))
    plan.fingerprint = data_fingerprint(root)
    plan.facts.created, plan.facts.updated, plan.facts.unchanged = [], [], []
    for fact in plan.facts.facts:
        current = facts.get(fact.id)
        if current is None:
            plan.facts.created.append(fact.id)
        elif (current.content(), current.status) != (fact.content(), fact.status):
            plan.facts.updated.append(fact.id)
        else:
            plan.facts.unchanged.append(fact.id)
    in_files = {f.id for f in plan.facts.facts}
    plan.retire = [f.id for f in facts.list() if f.id not in in_files]
    stored_sources, stored_topics = facts.sources(), {t.id: t for t in facts.topics()}
    plan.sources_new = [s.id for s in data.sources if s.id not in stored_sources]
    plan.sources_changed = [s.id for s in data.sources if s.id in stored_sources and stored_sources[s.id] != s]
    plan.topics_new = [t.id for t in data.topics if t.id not in stored_topics]
    plan.topics_changed = [t.id for t in data.topics if t.id in stored_topics and stored_topics[t.id] != t]
    plan.synonyms_changed = ((data.synonyms or []) != facts.synonyms()
                             or (data.synonyms_fr is not None and data.synonyms_fr != facts.synonyms("fr")))
    known = set(stored_sources) | {s.id for s in data.sources}
    stored = {d.id: d for d in desk.deadlines.list(include_cancelled=True)}
    wanted = [deadline_from_record(dict(rec), sources=known) for rec in data.deadlines]
    plan.deadlines_new = [d.id for d in wanted if d.id not in stored]
    plan.deadlines_changed = [d.id for d in wanted if d.id in stored and stored[d.id].record() != d.record()]
    listed = {d.id for d in wanted}
    plan.deadlines_cancel = [i for i, d in stored.items() if i not in listed and d.status == "active"]
    return plan


def plan_archive(desk: Desk, raw: bytes) -> SyncPlan:
    with tempfile.TemporaryDirectory(prefix="desk-sync-") as folder:
        root = Path(folder) / "data"
        unpack_archive(raw, root)
        return plan_sync(desk, root)


# --- writing -------------------------------------------------------------------------------------------------------
def apply_sync(desk: Desk, plan: SyncPlan) -> None:
    """Write the plan in one transaction (all or nothing), each change a revision by "sync"; re-derive the
    reminders of the deadlines it touched and tell channels reminded of one that moved."""
    touched = plan.deadlines_new + plan.deadlines_changed + plan.deadlines_cancel
    with desk.db.transaction():
        desk.facts.apply_import(plan.facts, SYNC_ACTOR, REASON)
        for fact_id in plan.retire:
            desk.facts.retire(fact_id, SYNC_ACTOR, GONE)
        before: dict[str, Deadline] = {i: d for i in plan.deadlines_changed if (d := desk.deadlines.get(i))}
        desk.deadlines.seed(plan.data.deadlines, SYNC_ACTOR, REASON)
        for deadline_id in plan.deadlines_cancel:
            desk.deadlines.cancel(deadline_id, SYNC_ACTOR, GONE)
        if plan.data.other_bodies is not None:
            desk.facts.replace_other_bodies(plan.data.other_bodies)
        if plan.fingerprint:
            desk.db.set_meta(DATA_FINGERPRINT, plan.fingerprint)
        if touched:
            derive_reminders(desk.db, deadline_ids=touched)
        for deadline_id, old in before.items():
            queue_moved_notices(desk.db, old, desk.deadlines.require(deadline_id))
    if touched:
        desk.deadlines.notify()
