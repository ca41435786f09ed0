"""Comparing revisions: what each field was and became, and a word-level diff a moderator can read.

Revisions keep whole snapshots, so any two can be compared after the fact. The comparison works over whatever
fields the snapshots hold (a field added to facts later is compared like the rest), and renders lists (sources,
example questions, keywords) as items added and removed rather than as one long string.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from bot.core.models import Revision

SHORT = 80  # a value longer than this is shown as a word diff rather than "old -> new"
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class FieldChange:
    name: str
    old: Any
    new: Any


def field_changes(before: dict[str, Any], after: dict[str, Any]) -> list[FieldChange]:
    """The fields whose values differ between two snapshots, in the order of `after` (then fields it dropped)."""
    names = list(after) + [k for k in before if k not in after]
    return [FieldChange(k, before.get(k), after.get(k)) for k in names if before.get(k) != after.get(k)]


def word_diff(old: str, new: str) -> str:
    """`old` changed into `new`, word by word: removed words as ~~strikethrough~~, added ones in **bold**
    (Markdown both Discord and a terminal read), unchanged words as they are."""
    a, b = _WORD.findall(old or ""), _WORD.findall(new or "")
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.extend(a[i1:i2])
            continue
        if op in ("delete", "replace"):
            out.append(f"~~{' '.join(a[i1:i2])}~~")
        if op in ("insert", "replace"):
            out.append(f"**{' '.join(b[j1:j2])}**")
    return " ".join(out)


def _shown(value: Any) -> str:
    if value in (None, "", []):
        return "(none)"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def change_text(change: FieldChange) -> str:
    """One field's change on one line: `old -> new` for short values, added/removed items for lists, and a word
    diff for long text."""
    old, new = change.old, change.new
    if isinstance(old, list) or isinstance(new, list):
        before, after = list(old or []), list(new or [])
        added = [x for x in after if x not in before]
        removed = [x for x in before if x not in after]
        parts = [f"+ {x}" for x in added] + [f"- {x}" for x in removed]
        if not parts:  # the same items in another order
            parts = [f"{_shown(before)} -> {_shown(after)}"]
        return f"{change.name}: " + "; ".join(parts)
    if max(len(str(old or "")), len(str(new or ""))) > SHORT:
        return f"{change.name}: {word_diff(str(old or ''), str(new or ''))}"
    return f"{change.name}: {_shown(old)} -> {_shown(new)}"


def diff_text(subject: str, before: Revision, after: Revision) -> str:
    changes = field_changes(before.snapshot, after.snapshot)
    head = f"`{subject}` from revision {before.rev} to revision {after.rev}:"
    if not changes:
        return f"{head} no field differs."
    return "\n".join([head, *(f"- {change_text(c)}" for c in changes)])


def history_lines(revisions: list[Revision]) -> list[str]:
    """Each revision with who, when and why, and under it each field's old -> new value (the first revision
    lists nothing: everything was new)."""
    lines = []
    previous: dict[str, Any] | None = None
    for r in revisions:
        what = ", ".join(r.changed) if r.action == "edit" else r.action
        why = f" — {r.reason}" if r.reason else ""
        lines.append(f"{r.rev}. {r.at[:16].replace('T', ' ')} UTC {r.actor_name}: {r.action} ({what}){why}")
        if previous is not None:
            lines += [f"   {change_text(c)}" for c in field_changes(previous, r.snapshot)]
        previous = r.snapshot
    return lines
