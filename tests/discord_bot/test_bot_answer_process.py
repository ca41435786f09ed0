"""The real client answering /ask in a child process (bot.core.answer_process): a moderator's edit through the
form reaches the child's caches, and closing the client leaves no child behind."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from pathlib import Path

import pytest

from bot.core.answer_process import AnswerProcess
from tests.fakediscord import FakeDiscord

from .test_bot_kit import running_bot
from .test_bot_moderators import edit_through_form

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(40)]

FACT = "arrears-74-million-feb-2025"
QUESTION = "zanzibr marmalde?"  # misspelt words no fact holds, until the edit brings them


async def test_ask_goes_through_the_child_and_follows_a_moderators_edit(fake_discord: FakeDiscord,
                                                                       tmp_path: Path) -> None:
    async with running_bot(fake_discord, tmp_path, answer_process=True) as env:
        process = env.desk.answer_process
        assert isinstance(process, AnswerProcess)
        assert await asyncio.to_thread(process.wait_ready, 30), "the child started beside the client"
        pid = process.pid
        w = env.world

        answer = await env.run("ask", {"question": "how big is the 2026 budget?"}, user=w.member)
        assert "budget-2026-193-million" in answer.text()
        declined = await env.run("ask", {"question": QUESTION}, user=w.moderator)  # each asks once: the cooldown
        assert FACT not in declined.text()

        _, done = await edit_through_form(env, {"id": FACT, "reason": "the summit"}, w.owner, {
            "text": env.desk.facts.require(FACT).text + " The Zanzibar marmalade summit decided nothing.",
            "questions": "What did the Zanzibar marmalade summit decide?",
        })
        assert "Updated" in done.content
        answered = await env.run("ask", {"question": QUESTION}, user=w.owner)
        assert FACT in answered.text() and "Zanzibar marmalade summit" in answered.text()
        assert process.pid == pid and process.answered_here == 0, "the child answered all three"
    assert env.desk.answer_process is None
    assert not [p for p in multiprocessing.active_children() if p.name == "desk-answer"]
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


async def test_the_client_answers_in_its_own_process_when_told_to(fake_discord: FakeDiscord,
                                                                 tmp_path: Path) -> None:
    async with running_bot(fake_discord, tmp_path, answer_process=False) as env:
        assert env.desk.answer_process is None
        answer = await env.run("ask", {"question": "how big is the 2026 budget?"}, user=env.world.member)
        assert "budget-2026-193-million" in answer.text()
