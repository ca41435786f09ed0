"""The fact pages: the index by topic, search on the answering engine, one page per fact; valid HTML whose
links all resolve, the security headers on every response, English and French, and nothing member-written."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from aiohttp.test_utils import TestClient

from bot.core import commands
from bot.core.desk import Desk
from bot.core.permissions import Actor
from bot.core.registry import Context
from bot.web.middleware import SECURITY_HEADERS, RateLimit
from tests.web.conftest import serve

VOID = {"meta", "link", "input", "br", "img", "hr"}
FACT = "us-sanctions-four-judges-june-2025"


class Checked(HTMLParser):
    """Parses a page, failing on unbalanced tags, and collects its links and ids."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.text: list[str] = []
        self.seen: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.add(tag)
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag in ("a", "link") and values.get("href"):
            self.links.append(values["href"] or "")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def plain(self) -> str:
        return " ".join("".join(self.text).split())


def parse(body: str) -> Checked:
    assert body.startswith("<!DOCTYPE html>")
    page = Checked()
    page.feed(body)
    page.close()
    assert not page.stack, f"unclosed tags: {page.stack}"
    assert {"html", "head", "title", "main", "form", "label"} <= page.seen
    return page


def check_headers(headers: object) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert headers[name] == value, name  # type: ignore[index]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]  # type: ignore[index]


async def get_page(web: TestClient, path: str, **kwargs: object) -> tuple[Checked, str]:
    response = await web.get(path, **kwargs)
    assert response.status == 200, path
    assert response.content_type == "text/html"
    check_headers(response.headers)
    body = await response.text()
    return parse(body), body


async def test_the_index_lists_every_topic_and_fact_and_every_link_resolves(web: TestClient, desk: Desk) -> None:
    index, _ = await get_page(web, "/")
    for topic in desk.facts.topics():
        assert topic.id in index.ids and topic.name in index.plain
    fact_links = {link for link in index.links if link.startswith("/facts/")}
    assert fact_links == {f"/facts/{f.id}" for f in desk.facts.list()}
    seen: set[str] = set()
    pending = ["/", f"/facts/{FACT}", "/search?q=who+is+withdrawing+from+the+rome+statute"]
    while pending:  # every same-site link on the index, one fact page and a search, followed once
        path = pending.pop()
        if path in seen:
            continue
        seen.add(path)
        response = await web.get(path)
        assert response.status == 200, f"{path} is {response.status}"
        check_headers(response.headers)
        if response.content_type != "text/html" or (path.startswith("/facts/") and path != f"/facts/{FACT}"):
            continue
        page = parse(await response.text())
        for link in page.links:
            target = urlsplit(urljoin("http://site" + path, link))
            if target.netloc != "site":
                continue
            if target.fragment:  # an anchor on the index: the section must exist
                anchor_page = parse(await (await web.get(target.path)).text())
                assert target.fragment in anchor_page.ids, link
            pending.append(target.path + (f"?{target.query}" if target.query else ""))
    assert len(seen) > 70


async def test_a_fact_page_has_text_sources_as_links_date_review_and_history_without_names(
        web: TestClient, desk: Desk) -> None:
    actor = Actor(id="42", name="Alice Curator", guild_id="g1", manage_server=True)
    reply = commands.run(desk, Context(actor, "g1", "c"), "fact edit",
                         {"id": FACT, "review_by": "2030-01-01", "reason": "check the designations list"})
    assert reply.ok, reply.text
    fact = desk.facts.require(FACT)
    page, body = await get_page(web, f"/facts/{FACT}")
    assert fact.title in page.plain and " ".join(fact.text.split()) in page.plain
    for source in desk.facts.sources_for(fact):
        if source.url:
            assert source.url in page.links
    assert "As of 5 June 2025" in page.plain and "review due by 1 January 2030" in page.plain
    assert re.search(r"revision 2, edit \(review_by changed\): check the designations list", page.plain)
    assert "Alice" not in body and "42" not in re.sub(r"\d{4}-\d\d-\d\dT[\d:+]+", "", body).replace("14203", "")
    data = await (await web.get(f"/api/facts/{FACT}")).json()
    assert data["history"][-1]["reason"] == "check the designations list" and data["review_by"] == "2030-01-01"
    assert "Alice" not in str(data) and "actor" not in str(data)
    assert (await web.get("/facts/no-such-fact")).status == 404


async def test_a_retired_fact_keeps_its_address_and_says_it_is_retired(web: TestClient, desk: Desk) -> None:
    actor = Actor(id="42", name="Mod", guild_id="g1", manage_server=True)
    assert commands.run(desk, Context(actor, "g1", "c"), "fact retire", {"id": FACT, "reason": "superseded"}).ok
    page, _ = await get_page(web, f"/facts/{FACT}")
    assert "retired" in page.plain and "superseded" in page.plain
    index, _ = await get_page(web, "/")
    assert f"/facts/{FACT}" not in index.links


@pytest.mark.parametrize(("question", "status", "label"), [
    ("when did the us sanction four icc judges", "answered", "Answered"),
    ("what date did the philippines surrender duterte to the icc", "partial", "Partly answered"),
    ("what's the weather in the hague", "declined", "No curated fact on that yet"),
])
async def test_search_shows_answered_partial_and_declined_and_keeps_nothing(
        web: TestClient, desk: Desk, question: str, status: str, label: str) -> None:
    page, body = await get_page(web, "/search", params={"q": question})
    assert f'class="status {status}"' in body and label in page.plain
    expected = desk.answerer.ask(question)
    assert expected.status == status
    for hit in expected.hits:
        assert f"/facts/{hit.fact.id}" in page.links
    api = await (await web.get("/api/ask", params={"q": question})).json()
    assert api["status"] == status and [f["id"] for f in api["facts"]] == [h.fact.id for h in expected.hits]
    assert all(f["url"] == f"/facts/{f['id']}" for f in api["facts"])
    assert desk.db.query_one("SELECT count(*) FROM unanswered")[0] == 0, "a web search is not kept"


async def test_bad_questions_get_one_sentence(web: TestClient) -> None:
    response = await web.get("/search", params={"q": "x" * 600})
    assert response.status == 400 and "please keep it under 500" in await response.text()
    response = await web.get("/api/ask", params={"q": "a\x00b"})
    assert response.status == 400 and "control characters" in (await response.json())["error"]
    empty, _ = await get_page(web, "/search")
    assert "status" not in "".join(empty.text)


async def test_french_from_the_query_or_the_browser(web: TestClient, desk: Desk) -> None:
    fact = desk.facts.require(FACT)
    assert fact.title_fr, "the shipped fact has a French title"
    page, by_query = await get_page(web, f"/facts/{FACT}", params={"lang": "fr"})
    assert '<html lang="fr">' in by_query and fact.title_fr in page.plain
    assert 'href="/?lang=fr"' in by_query, "links keep a language chosen explicitly"
    response = await web.get("/", headers={"Accept-Language": "de-DE, fr;q=0.8, en;q=0.5"})
    assert response.headers["Content-Language"] == "fr" and "Thèmes" in await response.text()
    assert "Accept-Language" in response.headers["Vary"]
    english = await web.get("/", headers={"Accept-Language": "fr"}, params={"lang": "en"})
    assert english.headers["Content-Language"] == "en"
    desk.db.conn.execute("UPDATE facts SET text_fr = '', title_fr = '' WHERE id = ?", (FACT,))
    page, _ = await get_page(web, f"/facts/{FACT}", params={"lang": "fr"})
    assert "pas encore de texte en français" in page.plain and fact.title in page.plain


async def test_read_only_methods_and_the_rate_limit(desk: Desk) -> None:
    web = await serve(desk, limit=RateLimit(per_minute=1, burst=5))
    try:
        for method in ("POST", "PUT", "DELETE"):
            response = await web.request(method, "/")
            assert response.status == 405
            check_headers(response.headers)
        statuses = [(await web.get("/healthz")).status for _ in range(5)]
        assert statuses == [200, 200, 429, 429, 429], "five at once, three of them spent on the refused methods"
        refused = await web.get("/")
        assert refused.status == 429 and int(refused.headers["Retry-After"]) >= 1
        check_headers(refused.headers)
    finally:
        await web.close()


def test_the_bucket_refills_and_forgets_old_addresses() -> None:
    now = [0.0]
    limit = RateLimit(per_minute=60, burst=2, max_clients=2, clock=lambda: now[0])
    assert limit.take("a") is None and limit.take("a") is None
    wait = limit.take("a")
    assert wait is not None and 0 < wait <= 1
    now[0] += 1.0
    assert limit.take("a") is None, "one request a second comes back after a second"
    limit.take("b")
    limit.take("c")
    assert "a" not in limit._buckets and len(limit._buckets) == 2
