"""Reminders: rows in the database derived from deadlines × servers × offsets, and the dispatcher that sends each
one exactly once.

The `reminders` table is the record of what is due and what was sent; the scheduler only wakes the dispatcher.
A due row is claimed in a transaction, sent with a nonce derived from its id (Discord drops a repeat of a nonce
sent shortly before), then marked sent with the message id. After a crash between claim and mark, start-up sends
the claimed row again with the same nonce. Rows that came due while the bot was down are posted once, marked
late, if they are within the grace period and the deadline is still ahead; otherwise they are marked missed,
never posted, and reported to the mod-log, so a long outage does not end in a flood.

States: pending -> claimed -> sent; pending -> missed | failed | cancelled | skipped (its deadline moved so that
its new time had already passed). A pending row may also go back to pending with a later retry time (rate limits,
transient errors), and derivation may reopen a cancelled, skipped, missed or failed row whose time moved ahead.
Sent, claimed and missed rows are history and are never rewritten by derivation.

The package is split by responsibility; import from the module that holds the name (nothing is re-exported):

- `senders`: the `Sender` contract adapters implement, its `SendError` family (`PermanentSendError`,
  `ChannelGone`, `NoPermission`, `RateLimited`, `TransientSendError`), `Post`, the `RecordingSender` and
  `ConsoleSender` fakes, and `Report` / `ReportHandler` for the mod-log.
- `texts`: pure functions of a deadline: `due_time`, nonces (`make_nonce`, `reminder_nonce`), `neutralize`,
  `reminder_text`, `cancellation_text`, `duration_text`.
- `derive`: `derive_reminders` (the table brought in line with deadlines and settings), `DeriveResult`,
  `fingerprint`, `NOTICE_PREFIX`.
- `status`: read-only summaries: `reminder_status` / `ReminderStatus`, `state_counts`.
- `lease`: `Lease`, `LeaseHeld`, `LEASE_NAME`, `LEASE_TTL`: one dispatching process per database.
- `recovery`: what start-up does with rows a crash left claimed (`resend_claimed`, `already_posted`).
- `dispatch`: `ReminderService` (claiming, sending, retry and backoff, mod-log reports), `PassResult`,
  `clear_channel_problems`, and the timing constants (`DEFAULT_GRACE`, `LATE_AFTER`, `MAX_ATTEMPTS`, ...).
"""
