"""Deadlines: the dated events coalitions live by, kept with revisions like facts.

A deadline is stored as UTC instants plus the IANA zone it was given in, because reminders are computed on that
zone's wall clock ("1 day before 10:00 Amsterdam" is 10:00 Amsterdam the day before, whatever daylight saving
does in between). Dates typed by people are read strictly: anything that could mean two things, that does not
exist on the clock (a daylight-saving gap) or that is already over is refused with a message showing how the
input was read, and nothing is written.

The package is split by responsibility; import from the module that holds the name:

- `dates`: reading typed dates and times, apart from any store: IANA zones (`check_zone`, `zone_choices`), wall
  times made aware (`resolve_local`, `local_status`), `When` and the strict `parse_when`, `check_future`,
  the dates a deadline may have (`deadline_window`: from 1998 to `YEARS_AHEAD` years ahead), `DEFAULT_ZONE` and
  `EXAMPLES`.
- `model`: what a deadline is: `KINDS`, `KIND_LABELS`, the limits, reminder offsets (`Offset`, `parse_offsets`),
  `ALL_DAY_ANCHOR`, the `Deadline` dataclass and the validation of untrusted records (`deadline_from_record`,
  `validate_deadline_record`, `check_kind`, `RECORD_KEYS`).
- `store`: `DeadlineStore`, deadlines in SQLite with a revision for every write, seeding and export.
"""
