"""Start-up after a crash: what happens to rows left `claimed`.

It exists because the one unsafe moment in sending is between claiming a row and marking it sent: a crash there
leaves a row that may or may not have been posted, and only the process that next takes the lease may decide.
The rules: a claimed row still within the grace period, whose deadline is still ahead, is sent again with the same
nonce in the channel it was claimed for (Discord drops the repeat if the first send got through shortly before);
if the sender can look at the channel (`find_posted`), it first looks for the interrupted post and, if found, only
marks the row sent, since Discord forgets a nonce after a few minutes. Any other claimed row is marked missed and
reported, because a repeat long after is worse than a note to the moderators. The grace and missed rules are the
dispatcher's (`ReminderService._deliver(recovering=True)`); this module holds the parts only recovery has.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from bot.core.db import Database
from bot.core.reminders.senders import Sender
from bot.core.timeutil import from_iso, to_iso

log = logging.getLogger(__name__)


async def resend_claimed(db: Database, deliver: Callable[[Any], Awaitable[None]]) -> None:
    """Rows a crash left claimed, oldest first, each handed to `deliver` (the dispatcher, in recovery mode): sent
    again with the same nonce (Discord drops the repeat if the first got through) when still within grace and the
    deadline is ahead; otherwise missed, since it may or may not have been posted and a repeat long after is worse
    than a note to the moderators."""
    for row in db.query("SELECT * FROM reminders WHERE state = 'claimed' ORDER BY due_utc, id"):
        log.warning("reminder %s was claimed but not marked sent (crash?); sending again with the same nonce",
                    row["id"])
        await deliver(row)


async def already_posted(db: Database, sender: Sender, clock: Callable[[], dt.datetime], row: Any, channel: str,
                         text: str) -> bool:
    """After a crash between send and mark: is the post already in the channel? If so, mark the row sent. Discord
    drops a repeated nonce only for a few minutes, so a restart later than that must look rather than trust the
    nonce. Senders that can look offer `find_posted(channel_id, text, since) -> message id | None`."""
    find = getattr(sender, "find_posted", None)
    if find is None or not row["claimed_at"]:
        return False
    since = from_iso(row["claimed_at"]) - dt.timedelta(minutes=1)  # allow for clock skew with Discord
    try:
        message_id = await find(str(channel), text, since)
    except Exception as exc:
        log.warning("reminder %s: could not look for an earlier post (%s); relying on the nonce", row["id"], exc)
        return False
    if not message_id:
        return False
    with db.transaction() as conn:
        conn.execute("UPDATE reminders SET state = 'sent', sent_at = ?, message_id = ?, error = NULL "
                     "WHERE id = ? AND state = 'claimed'", (to_iso(clock()), str(message_id), row["id"]))
    log.info("reminder %s: the interrupted send had posted it (message %s); not sending again",
             row["id"], message_id)
    return True
