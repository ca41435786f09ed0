"""How a server uses the desk, for its moderators: questions per day, how many were answered, partly answered or
declined, the questions most asked without an answer, and the facts members flag most.

Only counts are kept per server and day (no question text, no member); the unanswered questions themselves are
kept apart with their own retention (bot.core.feedback). The chart is drawn with matplotlib, imported only when a
chart is asked for, so answering never loads it.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field

from bot.core.db import Database
from bot.core.feedback import FeedbackStore, Gap
from bot.core.timeutil import utcnow

DAYS = 30
STATUSES = ("answered", "partial", "declined")
CHART_FILE = "desk-usage.png"


def count_question(db: Database, guild_id: str, status: str, now: dt.datetime | None = None) -> None:
    """One more question asked in a server today, by how it was answered."""
    day = (now or utcnow()).date().isoformat()
    with db.transaction() as conn:
        conn.execute("INSERT INTO question_counts (guild_id, day, status, n) VALUES (?, ?, ?, 1) "
                     "ON CONFLICT (guild_id, day, status) DO UPDATE SET n = n + 1", (guild_id, day, status))


@dataclass
class Usage:
    days: list[str]  # the last DAYS days, oldest first
    per_day: dict[str, dict[str, int]]  # status -> day -> questions
    gaps: list[Gap] = field(default_factory=list)
    flagged: list[tuple[str, int]] = field(default_factory=list)  # (fact id, members who flagged it)

    def total(self, status: str | None = None) -> int:
        statuses = [status] if status else list(STATUSES)
        return sum(sum(self.per_day[s].values()) for s in statuses)

    def share(self, status: str) -> str:
        total = self.total()
        return f"{100 * self.total(status) / total:.0f}%" if total else "n/a"


def usage(db: Database, feedback: FeedbackStore, guild_id: str, now: dt.datetime | None = None) -> Usage:
    today = (now or utcnow()).date()
    days = [(today - dt.timedelta(days=n)).isoformat() for n in range(DAYS - 1, -1, -1)]
    per_day: dict[str, dict[str, int]] = {s: {} for s in STATUSES}
    for row in db.query("SELECT day, status, n FROM question_counts WHERE guild_id = ? AND day >= ?",
                        (guild_id, days[0])):
        per_day.setdefault(row["status"], {})[row["day"]] = row["n"]
    flagged = [(r["fact_id"], r["n"]) for r in db.query(
        "SELECT fact_id, count(*) AS n FROM feedback WHERE guild_id = ? AND kind = 'outdated' GROUP BY fact_id "
        "ORDER BY n DESC, fact_id LIMIT 5", (guild_id,))]
    return Usage(days, per_day, feedback.gaps(limit=5, guild_id=guild_id), flagged)


def usage_text(u: Usage) -> str:
    total = u.total()
    busiest = max(u.days, key=lambda d: sum(u.per_day[s].get(d, 0) for s in STATUSES))
    lines = [f"Questions asked here in the last {DAYS} days: {total}"
             + (f" (busiest day {busiest}: {sum(u.per_day[s].get(busiest, 0) for s in STATUSES)})" if total else ""),
             f"Answered {u.total('answered')} ({u.share('answered')}) · partly answered {u.total('partial')} "
             f"({u.share('partial')}) · declined {u.total('declined')} ({u.share('declined')})"]
    if u.gaps:
        lines.append("Most asked without an answer:")
        lines += [f"- {g.times}× “{g.question}”" for g in u.gaps]
    if u.flagged:
        lines.append("Most flagged as outdated or wrong:")
        lines += [f"- `{fact_id}`: {n} member(s)" for fact_id, n in u.flagged]
    lines.append("Per day (answered / partly / declined): " + ", ".join(
        f"{d[5:]} {'/'.join(str(u.per_day[s].get(d, 0)) for s in STATUSES)}" for d in u.days
        if any(u.per_day[s].get(d, 0) for s in STATUSES)) if total else "No questions yet.")
    return "\n".join(lines)


def usage_chart(u: Usage) -> bytes:
    """A small stacked bar chart of the questions per day, as PNG."""
    import matplotlib

    matplotlib.use("Agg")  # no display: draw to memory
    from matplotlib import pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 2.6), dpi=100)
    try:
        bottom = [0] * len(u.days)
        for status, colour in zip(STATUSES, ("#2e7d32", "#f9a825", "#c62828"), strict=True):
            values = [u.per_day[status].get(d, 0) for d in u.days]
            ax.bar(range(len(u.days)), values, bottom=bottom, color=colour, label=status)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        ax.set_xticks(range(0, len(u.days), 7), [d[5:] for d in u.days[::7]])
        ax.set_ylabel("questions")
        ax.set_title(f"Questions per day, last {DAYS} days")
        ax.legend(loc="upper left", fontsize="small", frameon=False)
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        out = io.BytesIO()
        fig.savefig(out, format="png")
        return out.getvalue()
    finally:
        plt.close(fig)
