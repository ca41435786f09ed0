"""Titles of publications. "What's the title of his book" asks for a title, and a fact gives one only by quoting it
('titled "Justice at risk ..."', 'intitulé « ... »') for the kind of publication asked: the title of a post the
author wrote is no answer to the title of his book."""

from __future__ import annotations

import re

# kinds of publication, each with the words members use for it in English and French (folded)
_KINDS = (
    "book books livre livres bouquin bouquins ouvrage ouvrages",
    "report reports rapport rapports summary resume",
    "statement statements declaration declarations release releases communique communiques paper papers papier "
    "papiers",
    "article articles billet billets post posts blog",
    "resolution resolutions",
)
_CLASS = {word: i for i, words in enumerate(_KINDS) for word in words.split()}
PUBLICATIONS = tuple(_CLASS)  # every kind's words, for bot.core.fact_dates: a publication's date is when it came out
# the words, with "op ed", "piece" and "publication" (any kind), for the question patterns of bot.core.question_kinds;
# not "post", which is as often "post-Covid" or "post-ASP"
DOCS = "(" + "|".join(sorted([*_CLASS.keys() - {"post", "posts"}, "op ed", "pieces?", "publications?"], key=len,
                             reverse=True)) + ")"
_QUOTED = re.compile(r"[\"“«]\s?[“\"]?[A-Z][^\"”»]{8,}[\"”»]")
_WORD = re.compile(r"[a-z]+")


def gives_title(question: str, text: str, folded: str) -> bool:
    """True when `text` quotes a title, and names the kind of publication the (folded) `question` asks about if it
    names any kind."""
    if not _QUOTED.search(text):
        return False
    asked = {_CLASS[w] for w in _WORD.findall(question) if w in _CLASS}
    named = {_CLASS[w] for w in _WORD.findall(folded) if w in _CLASS}
    return not asked or not named or bool(asked & named)
