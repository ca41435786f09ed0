"""Moderators on Discord bring a reviewed export back: /data sync with the zip /facts export made shows the plan,
and only Confirm writes it, every change a revision by sync, with a mod-log entry."""

from __future__ import annotations

import io
import zipfile

import pytest

from tests.fakediscord import FakeAttachment

from .test_bot_kit import DeskBot

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(20)]

FACT = "arrears-74-million-feb-2025"


def edited(archive_bytes: bytes) -> bytes:
    """The export after review: one figure changed in data/facts/budget.yaml."""
    source = zipfile.ZipFile(io.BytesIO(archive_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in source.namelist():
            data = source.read(name)
            if name == "data/facts/budget.yaml":
                data = data.replace("€74 million".encode(), "€81 million".encode())
            archive.writestr(name, data)
    return out.getvalue()


async def test_a_reviewed_export_is_synced_after_confirm(env: DeskBot) -> None:
    fake, w = env.fake, env.world
    await env.configure(modlog=True)
    exported = await env.run("facts export", user=w.owner)
    reviewed = FakeAttachment("coalition-desk-data.zip", edited(exported.files[0].content))

    refused = await env.run("data sync", {"file": reviewed}, user=w.member, check_permissions=False)
    assert refused.ephemeral and "Only moderators" in refused.content

    preview = await env.run("data sync", {"file": reviewed}, user=w.owner)
    assert preview.ephemeral and f"Facts: 1 changed (`{FACT}`)" in preview.content
    assert "Nothing is written until you confirm." in preview.content
    assert env.desk.facts.require(FACT).rev == 1
    confirmed = await env.shown(await fake.component_click(preview, "cd:import:confirm", user=w.owner))
    assert "1 change(s), each a revision by sync" in confirmed.content and not confirmed.components
    fact = env.desk.facts.require(FACT)
    assert "€81 million" in fact.text and env.desk.facts.history(FACT)[-1].actor_name == "sync"
    await fake.wait_for_message(lambda m: "synced the data files" in m.text(), channel=w.mod_log)

    again = await env.run("data sync", {"file": reviewed}, user=w.owner)
    assert "nothing to change" in again.content and not again.components
    broken = await env.run("data sync", {"file": FakeAttachment("notes.zip", b"not a zip")}, user=w.owner)
    assert broken.ephemeral and "not a zip archive" in broken.content
