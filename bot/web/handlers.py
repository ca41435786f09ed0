"""The fact pages and the JSON API that mirrors them: the index by topic, a search on the answering engine,
one page per fact. Each handler reads on the site's worker thread and renders on the event loop.

Search asks the same engine as Discord (`Answerer.ask`) but keeps nothing: a web search is not recorded as an
unanswered question, since nobody on the web is a member whose question a moderator could follow up.
"""

from __future__ import annotations

import datetime as dt
import inspect
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from bot.core.answering import Answer
from bot.core.desk import Desk
from bot.core.feeds import fact_path
from bot.core.models import Fact, InputError, Revision, Source, Topic
from bot.core.render import answer_text
from bot.core.timeutil import utcnow
from bot.web import lang as language
from bot.web.middleware import in_core
from bot.web.pages import CSS, View, fact_page, index_page, not_found_page, search_page

HTML = "text/html"
MAX_QUESTION_CHARS = 500


def view_for(request: web.Request) -> View:
    asked = request.query.get("lang")
    chosen = language.choose(asked, request.headers.get("Accept-Language"))
    return View(chosen, asked in language.LANGUAGES, request.path)


def html(view: View, body: str, status: int = 200) -> web.Response:
    return web.Response(text=body, status=status, content_type=HTML, charset="utf-8",
                        headers={"Content-Language": view.lang, "Vary": "Accept-Language"})


# --- reading the store (worker thread) --------------------------------------------------------------------------
def _index(desk: Desk) -> tuple[list[Topic], list[Fact]]:
    return desk.facts.topics(), desk.facts.list()


@dataclass
class FactView:
    fact: Fact
    sources: list[Source]
    topic: Topic | None
    history: list[Revision]


def _fact(desk: Desk, fact_id: str) -> FactView | None:
    fact = desk.facts.get(fact_id)
    if fact is None:
        return None
    topic = next((t for t in desk.facts.topics() if t.id == fact.topic), None)
    return FactView(fact, desk.facts.sources_for(fact), topic, desk.facts.history(fact.id))


def _ask(desk: Desk, question: str, lang: str) -> tuple[Answer | None, str | None]:
    """The engine's answer, or the sentence saying why the input is no question. Nothing is written."""
    ask = desk.answerer.ask
    try:
        if lang != "en" and "lang" in inspect.signature(ask).parameters:
            return ask(question, lang=lang), None
        return ask(question), None
    except InputError as exc:
        return None, str(exc)


def _question(request: web.Request) -> str:
    return request.query.get("q", "")[:MAX_QUESTION_CHARS + 1]


# --- pages --------------------------------------------------------------------------------------------------------
async def index(request: web.Request) -> web.Response:
    view = view_for(request)
    topics, facts = await in_core(request, _index)
    return html(view, index_page(view, topics, facts))


async def search(request: web.Request) -> web.Response:
    view = view_for(request)
    question = _question(request)
    if not question.strip():
        return html(view, search_page(view, "", None, None, {}))
    answer, error = await in_core(request, _ask, question, view.lang)
    return html(view, search_page(view, question, answer, error, {}), 200 if error is None else 400)


async def fact(request: web.Request) -> web.Response:
    view = view_for(request)
    found = await in_core(request, _fact, request.match_info["fact_id"])
    if found is None:
        return html(view, not_found_page(view, view.w["not_found"]), 404)
    return html(view, fact_page(view, found.fact, found.sources, found.topic, found.history, utcnow().date()))


async def stylesheet(request: web.Request) -> web.Response:
    return web.Response(text=CSS, content_type="text/css", charset="utf-8",
                        headers={"Cache-Control": "public, max-age=3600"})


# --- JSON ---------------------------------------------------------------------------------------------------------
def source_json(source: Source) -> dict[str, Any]:
    return source.to_dict()


def fact_summary(fact: Fact) -> dict[str, Any]:
    return {"id": fact.id, "topic": fact.topic, "title": fact.title, "title_fr": getattr(fact, "title_fr", ""),
            "as_of": fact.as_of, "status": fact.status, "url": fact_path(fact.id)}


def fact_json(found: FactView, today: dt.date) -> dict[str, Any]:
    fact = found.fact
    return {**fact_summary(fact), "text": fact.text, "text_fr": getattr(fact, "text_fr", ""),
            "sources": [source_json(s) for s in found.sources], "review_by": fact.review_by,
            "review_overdue": bool(fact.review_by) and fact.review_by < today.isoformat(), "revision": fact.rev,
            "history": [{"revision": r.rev, "at": r.at, "action": r.action, "reason": r.reason,
                         "changed": r.changed} for r in found.history]}


async def api_facts(request: web.Request) -> web.Response:
    topics, facts = await in_core(request, _index)
    topic = request.query.get("topic")
    return web.json_response({
        "topics": [{"id": t.id, "name": t.name, "name_fr": getattr(t, "name_fr", ""), "description": t.description}
                   for t in topics],
        "facts": [fact_summary(f) for f in facts if topic in (None, "", f.topic)],
    })


async def api_fact(request: web.Request) -> web.Response:
    found = await in_core(request, _fact, request.match_info["fact_id"])
    if found is None:
        return web.json_response({"error": "No fact with that id."}, status=404)
    return web.json_response(fact_json(found, utcnow().date()))


async def api_ask(request: web.Request) -> web.Response:
    question = _question(request)
    lang = language.choose(request.query.get("lang"), None)
    answer, error = await in_core(request, _ask, question, lang)
    if answer is None:
        return web.json_response({"question": question, "status": "declined", "answered": False,
                                  "error": error}, status=400)
    body = answer.to_json(answer_text(answer))
    for item in body["facts"]:
        item["url"] = fact_path(item["id"])
    return web.json_response(body)


def add_routes(app: web.Application) -> None:
    app.router.add_get("/", index)
    app.router.add_get("/search", search)
    app.router.add_get("/facts/{fact_id}", fact)
    app.router.add_get("/static/site.css", stylesheet)
    app.router.add_get("/api/ask", api_ask)
    app.router.add_get("/api/facts", api_facts)
    app.router.add_get("/api/facts/{fact_id}", api_fact)
