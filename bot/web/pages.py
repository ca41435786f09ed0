"""The site's HTML: plain, accessible pages that read on a phone and need no JavaScript.

Templates are the standard library's `string.Template` with every value passed through `html.escape` first:
the pages are a handful of fixed layouts filled with short values, which needs no template engine and keeps the
escaping in one visible place (`_e`). Everything shown is curated content; nothing a member wrote reaches a page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from string import Template
from typing import Any
from urllib.parse import urlencode

from bot.core.answering import Answer, FactHit
from bot.core.feeds import NETWORK_FEED_PATH, fact_path
from bot.core.models import Fact, Revision, Source, Topic
from bot.web.lang import date_text, fact_fields, topic_name, words

CSS = """\
body{font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1b;background:#fff}
header,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}
header{border-bottom:1px solid #ccc;padding-top:.5rem;padding-bottom:.5rem}
a{color:#0b4f9c}a:focus,input:focus,button:focus{outline:3px solid #f0a400;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
form.search{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0}
form.search input{flex:1 1 14rem;font-size:1rem;padding:.5rem;border:1px solid #666;border-radius:4px}
form.search button{font-size:1rem;padding:.5rem 1rem;border:1px solid #0b4f9c;background:#0b4f9c;color:#fff;
border-radius:4px}
.status{font-weight:bold;padding:.25rem .5rem;border-radius:4px;display:inline-block}
.answered{background:#dff3e4}.partial{background:#fff4d6}.declined{background:#f3e0e0}
.meta{color:#444;font-size:.9rem}.note{background:#fff4d6;padding:.5rem;border-radius:4px}
article{border-top:1px solid #ddd;padding:.5rem 0}li{margin:.25rem 0}
h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.25rem;line-height:1.3}
footer{border-top:1px solid #ccc;margin-top:2rem;padding-top:.5rem;padding-bottom:2rem;font-size:.9rem}
"""

_LAYOUT = Template("""<!DOCTYPE html>
<html lang="$lang">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$title</title>
<link rel="stylesheet" href="/static/site.css">
<link rel="alternate" type="text/calendar" title="$calendar_hint" href="$calendar">
</head>
<body>
<a class="skip" href="#main">$skip</a>
<header>
<p><a href="$home"><strong>$site</strong></a> · $tagline · <a href="$other_href" lang="$other">$other_lang</a></p>
<form class="search" action="/search" method="get" role="search">
<label for="q">$search</label>
<input id="q" name="q" type="search" maxlength="500" value="$query" required>
$lang_field<button type="submit">$ask</button>
</form>
</header>
<main id="main">
$body
</main>
<footer>
<p><a href="$home">$home_label</a> · <a href="$calendar">$calendar_label</a> ($calendar_hint) · JSON:
<a href="/api/facts">/api/facts</a></p>
</footer>
</body>
</html>
""")


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


@dataclass(frozen=True)
class View:
    """What every page needs: the language, whether it was asked for explicitly (then links keep it), and the
    path of this page (for the other language's link)."""

    lang: str
    explicit: bool
    path: str

    @property
    def w(self) -> dict[str, str]:
        return words(self.lang)

    def link(self, path: str, **params: str) -> str:
        if self.explicit:
            params = {**params, "lang": self.lang}
        return path + ("?" + urlencode(params) if params else "")


def page(view: View, title: str, body: str, query: str = "", params: dict[str, str] | None = None) -> str:
    w = view.w
    other = "fr" if view.lang == "en" else "en"
    return _LAYOUT.substitute(
        lang=view.lang, title=_e(title), site=_e(w["site"]), tagline=_e(w["tagline"]), home=_e(view.link("/")),
        other=other, other_lang=_e(w["other_lang"]),
        other_href=_e(view.path + "?" + urlencode({**(params or {}), "lang": other})),
        search=_e(w["search"]), ask=_e(w["ask"]), query=_e(query),
        lang_field=f'<input type="hidden" name="lang" value="{view.lang}">\n' if view.explicit else "",
        body=body, home_label=_e(w["home"]), calendar=NETWORK_FEED_PATH, calendar_label=_e(w["calendar"]),
        calendar_hint=_e(w["calendar_hint"]), skip=_e(w["skip"]))


def source_html(source: Source, lang: str) -> str:
    label = f"{source.publisher}, “{source.title}” ({date_text(source.date, lang)})"
    if source.url:
        return f'<a href="{_e(source.url)}" rel="noopener noreferrer">{_e(label)}</a>'
    return _e(label)


def review_text(fact: Fact, lang: str, today: dt.date) -> str:
    w = words(lang)
    if not fact.review_by:
        return w["review_none"]
    overdue = fact.review_by < today.isoformat()
    return f"{w['review_overdue'] if overdue else w['review_due']} {date_text(fact.review_by, lang)}"


def _fact_block(view: View, fact: Fact, sources: list[Source], heading: str) -> str:
    w = view.w
    title, text, translated = fact_fields(fact, view.lang)
    note = "" if translated else f'<p class="note" lang="{view.lang}">{_e(w["english_only"])}</p>\n'
    shown_lang = "" if translated else ' lang="en"'
    items = "".join(f"<li>{source_html(s, view.lang)}</li>" for s in sources) or f"<li>{_e(w['no_sources'])}</li>"
    title_html = _e(title) if heading == "h1" else f'<a href="{_e(view.link(fact_path(fact.id)))}">{_e(title)}</a>'
    return (f"<{heading}{shown_lang}>{title_html}</{heading}>\n"
            f"{note}<p{shown_lang}>{_e(text)}</p>\n<p>{_e(w['sources'])}:</p><ul>{items}</ul>\n"
            f'<p class="meta">{_e(w["as_of"])} {_e(date_text(fact.as_of, view.lang))} · '
            f"{_e(w['fact_id'])} <code>{_e(fact.id)}</code></p>\n")


def index_page(view: View, topics: list[Topic], facts: list[Fact]) -> str:
    w = view.w
    by_topic: dict[str, list[Fact]] = {}
    for fact in facts:
        by_topic.setdefault(fact.topic, []).append(fact)
    toc = "".join(f'<li><a href="#{_e(t.id)}">{_e(topic_name(t, view.lang))}</a> '
                  f"({len(by_topic.get(t.id, []))} {_e(w['facts'])})</li>" for t in topics)
    sections = []
    for topic in topics:
        items = "".join(f'<li><a href="{_e(view.link(fact_path(f.id)))}">{_e(fact_fields(f, view.lang)[0])}</a>'
                        f' <span class="meta">({_e(date_text(f.as_of, view.lang))})</span></li>'
                        for f in by_topic.get(topic.id, []))
        sections.append(f'<section id="{_e(topic.id)}" aria-labelledby="h-{_e(topic.id)}">'
                        f'<h2 id="h-{_e(topic.id)}">{_e(topic_name(topic, view.lang))}</h2><ul>{items}</ul></section>')
    body = f"<h1>{_e(w['topics'])}</h1>\n<ul>{toc}</ul>\n" + "\n".join(sections)
    return page(view, f"{w['site']}: {w['topics']}", body)


def search_page(view: View, query: str, answer: Answer | None, error: str | None,
                sources_of: dict[str, list[Source]]) -> str:
    w = view.w
    parts = [f"<h1>{_e(w['search'])}</h1>"]
    if error:
        parts.append(f'<p class="status declined" role="status">{_e(error)}</p>')
    elif answer is not None:
        parts.append(f'<p><span class="status {_e(answer.status)}" role="status">{_e(w[answer.status])}</span></p>')
        if answer.status == "partial":
            parts.append(f"<p>{_e(w['missing'].format(missing=answer.missing or '…'))}</p>")
        parts += [_hit(view, hit, sources_of) for hit in answer.hits]
        if answer.related:
            links = "".join(f'<li><a href="{_e(view.link(fact_path(fid)))}">{_e(title)}</a></li>'
                            for fid, title in answer.related)
            parts.append(f"<h2>{_e(w['related'])}</h2><ul>{links}</ul>")
        if not answer.hits and answer.reason:
            parts.append(f"<p>{_e(answer.reason)}</p>")
        if answer.suggestions:
            links = "".join(f'<li><a href="{_e(view.link("/"))}#{_e(t.id)}">{_e(topic_name(t, view.lang))}</a></li>'
                            for t in answer.suggestions)
            parts.append(f"<h2>{_e(w['closest'])}</h2><ul>{links}</ul>")
    return page(view, f"{w['search']}: {query}" if query else w["search"], "\n".join(parts), query,
                {"q": query} if query else None)


def _hit(view: View, hit: FactHit, sources_of: dict[str, list[Source]]) -> str:
    return "<article>" + _fact_block(view, hit.fact, sources_of.get(hit.fact.id, hit.sources), "h2") + "</article>"


def fact_page(view: View, fact: Fact, sources: list[Source], topic: Topic | None, revisions: list[Revision],
              today: dt.date) -> str:
    w = view.w
    parts = [_fact_block(view, fact, sources, "h1")]
    if fact.status != "active":
        parts.insert(0, f'<p class="note">{_e(w["retired"])}</p>')
    topic_link = (f'<a href="{_e(view.link("/"))}#{_e(topic.id)}">{_e(topic_name(topic, view.lang))}</a>'
                  if topic else _e(fact.topic))
    parts.append(f'<p class="meta">{_e(w["topic"])}: {topic_link} · {_e(w["review"])}: '
                 f"{_e(review_text(fact, view.lang, today))}</p>")
    parts.append(f"<h2>{_e(w['history'])}</h2><ol>{history_items(revisions, view.lang)}</ol>")
    return page(view, fact_fields(fact, view.lang)[0], "\n".join(parts))


def history_items(revisions: list[Revision], lang: str) -> str:
    """Each revision: its date, what was done and why, never who (members' names stay off the web)."""
    items = []
    for r in revisions:
        reason = f": {_e(r.reason)}" if r.reason else ""
        changed = f" ({_e(', '.join(r.changed))} {_e(words(lang)['changed'])})" if r.changed else ""
        items.append(f"<li><time datetime=\"{_e(r.at)}\">{_e(date_text(r.at[:10], lang))}</time> · "
                     f"{_e(words(lang)['revision'])} {r.rev}, {_e(r.action)}{changed}{reason}</li>")
    return "".join(items)


def not_found_page(view: View, message: str) -> str:
    return page(view, message, f"<h1>{_e(message)}</h1>\n<p><a href=\"{_e(view.link('/'))}\">"
                               f"{_e(view.w['home'])}</a></p>")

