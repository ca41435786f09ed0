"""Moderators' tools for looking before they change: finding facts by their words, an old revision as it was, and
what changed between two revisions, word by word.
"""

from __future__ import annotations

from typing import Any

from bot.core.desk import Desk
from bot.core.fact_search import search_facts
from bot.core.models import Fact, InputError, NotFound, Revision
from bot.core.permissions import is_moderator, require_moderator
from bot.core.registry import Context, Param, Reply, command
from bot.core.revisions import diff_text

RETIRED_FOR_MODERATORS = "Only moderators can include retired facts; active facts are listed below."


def revision_number(value: Any, name: str = "revision") -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise InputError(f"{name} must be a revision number, like 2, not {str(value)[:20]!r}") from None
    if number < 1:
        raise InputError(f"{name} must be 1 or more")
    return number


def _flag(value: Any) -> bool:
    text = str(value or "").strip().lower()
    if text in ("", "no", "false", "0", "off"):
        return False
    if text in ("yes", "true", "1", "on", "retired"):
        return True
    raise InputError(f"retired {text[:20]!r} must be yes or no")


def kept_revision(desk: Desk, fact_id: str, rev: int) -> Revision:
    """One kept revision of a fact, as it was written."""
    revisions = desk.facts.history(fact_id)
    for r in revisions:
        if r.rev == rev:
            return r
    raise NotFound(f"`{revisions[-1].subject_id}` has no revision {rev} (it has 1 to {revisions[-1].rev})")


def fact_at(desk: Desk, ctx: Context, fact_id: str, revision: Any) -> Fact:
    """A fact as one of its revisions left it (moderators: old revisions are curation history)."""
    require_moderator(ctx.actor, desk.settings.get(ctx.guild_id).mod_role_id)
    r = kept_revision(desk, fact_id, revision_number(revision))
    fields = Fact.__dataclass_fields__
    return Fact(**{k: v for k, v in r.snapshot.items() if k in fields}, rev=r.rev, updated_at=r.at)


@command("fact search", "Find facts by their words, best first (moderators: retired ones too)",
         Param("words", "words, a question or a fact id", required=True),
         Param("retired", "yes: include retired facts (moderators)", named=True))
def fact_search(desk: Desk, ctx: Context, words: str, retired: Any = None) -> Reply:
    words = " ".join(str(words).split())[:200]
    note = ""
    include = _flag(retired)
    if include and not is_moderator(ctx.actor, desk.settings.get(ctx.guild_id).mod_role_id):
        include, note = False, RETIRED_FOR_MODERATORS + "\n"
    found = search_facts(desk.answerer, words, include_retired=include)
    if not found:
        return Reply(f"{note}No fact holds “{words}”.", ephemeral=True, data=[])
    lines = [f"{note}Facts holding “{words}”:"] + [
        f"- `{f.fact.id}` {f.fact.title}" + (" (retired)" if f.fact.status != "active" else "") for f in found]
    return Reply("\n".join(lines), ephemeral=True, data=[f.fact for f in found])


@command("fact diff", "What changed between two revisions, word by word",
         Param("id", "fact id", required=True), Param("from", "the earlier revision (default: the one before `to`)"),
         Param("to", "the later revision (default: the current one)"), moderator=True)
def fact_diff(desk: Desk, ctx: Context, id: str, **revisions: Any) -> Reply:
    history = desk.facts.history(id)
    fact_id = history[-1].subject_id
    to = revision_number(revisions["to"], "to") if revisions.get("to") not in (None, "") else history[-1].rev
    start = revisions.get("from")
    first = revision_number(start, "from") if start not in (None, "") else max(to - 1, 1)
    if first > to:
        first, to = to, first
    text = diff_text(fact_id, kept_revision(desk, fact_id, first), kept_revision(desk, fact_id, to))
    return Reply(text, ephemeral=True, data=(first, to))
