"""`data sync`: bring reviewed data files into the running database (see bot.core.sync), shown first as a plan
and written only when confirmed.

A folder on this machine may be named only by the bot's operators (the local chat and the command line act as
one); moderators on Discord sync an exported zip instead, which is unpacked into a private temporary folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.core.commands.deadlines import _flag
from bot.core.desk import Desk
from bot.core.models import InputError
from bot.core.permissions import require_operator
from bot.core.registry import Context, Param, Reply, command
from bot.core.sync import apply_sync, plan_archive, plan_sync

EXPORT_FOLDER = "export"  # exports from the chat and the command line go here (git-ignored) unless told otherwise
FOLDER_REFUSAL = "Only the bot's operators can sync from a folder on its machine; upload an exported zip instead."


@command("data sync", "Bring reviewed data files in: a plan, then all or nothing",
         Param("folder", "the data folder (default: the bot's data/; operators only)"),
         Param("archive", "an exported zip (from /facts export)", named=True),
         Param("filename", "the zip's name", named=True),
         Param("confirm", "yes: write it (otherwise only show the plan)", named=True), moderator=True)
def data_sync(desk: Desk, ctx: Context, folder: str | None = None, archive: bytes | None = None,
              filename: str | None = None, confirm: Any = None) -> Reply:
    if archive is not None:
        if not isinstance(archive, bytes):
            raise InputError("upload the zip /facts export makes")
        where = filename or "the archive"
        plan = plan_archive(desk, archive)
    else:
        require_operator(ctx.actor, FOLDER_REFUSAL)
        root = Path(folder).expanduser() if folder else desk.data_root
        where = str(root)
        plan = plan_sync(desk, root)
    head = f"Sync from {where}:"
    if not plan.changes:
        return Reply(f"{head}\n{plan.summary()}", ephemeral=True, data=plan)
    if not _flag(confirm):
        return Reply(f"{head}\n{plan.summary()}\nNothing written yet.", ephemeral=True, data=plan)
    apply_sync(desk, plan)
    count = f"{plan.changes} change(s)"
    return Reply(f"Synced from {where}: {count}, each a revision by sync.\n{plan.summary()}", data=plan,
                 change=f"{ctx.actor.name} synced the data files from {where}: {count}")
