"""Reading YAML and JSON text from files and uploads, safely: every record remembers its file:line, and what no
real file holds is refused as an InputError naming the place, before a parser can recurse or blow up.

Refused: duplicate keys (YAML with their line; JSON by record), nesting deeper than MAX_DEPTH, YAML aliases that
would repeat more than MAX_ALIASED values (a "billion laughs"; PyYAML itself writes an alias for a list two records
share, so aliases as such are allowed) and scalars Python cannot hold (year 0, a 5,000-digit number).
YAML goes through libyaml's C parser when PyYAML has it (the pure-Python parser otherwise); either way nodes are
composed here from the parser's events, which neither parser produces by recursion, so depth is checked as the
events arrive and a file nested a million deep is refused after its 21st bracket.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bot.core.models import InputError

MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 20  # a data file is a list of records whose fields hold lists: 3 levels (4 under `facts:`)
MAX_ALIASED = 100_000  # values YAML aliases may repeat in one file: sharing a list between records is fine
MAX_DIGITS = 100  # a longer number is no fact's field, and Python refuses to read past 4,300 digits anyway


def _too_deep(where: str) -> InputError:
    return InputError(f"{where}: the data is nested more than {MAX_DEPTH} levels deep; a facts file needs at most 4 "
                      f"(facts and sources, their lists of records, and fields holding lists)")


class Located(dict):
    """A mapping read from a file that remembers where it came from, for messages like `facts/asp24.yaml:12`."""

    where: str = ""
    duplicate: str | None = None  # JSON only: a key given twice in this object, refused once `where` is known


def decode_text(raw: bytes, name: str) -> str:
    if len(raw) > MAX_IMPORT_BYTES:
        raise InputError(f"{name} is {len(raw):,} bytes; the limit is {MAX_IMPORT_BYTES:,}")
    if b"\x00" in raw:
        raise InputError(f"{name} is not a text file")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name} is not UTF-8 text (byte {exc.start})") from None


# --- YAML ----------------------------------------------------------------------------------------------------
class _Reading:
    """What both loaders add to PyYAML's safe constructor: file:line on mappings, duplicate keys refused, and
    scalars Python cannot hold turned into input errors at their line."""

    filename = "<input>"
    anchored: dict[str, tuple[Node, int, int]]  # anchor -> (node, height, size), set by load_yaml for each file
    aliased = 0  # values aliases have repeated so far

    def where(self, node: Node) -> str:
        return f"{self.filename}:{node.start_mark.line + 1}"

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)  # type: ignore[misc]
        except InputError:
            raise
        except (ValueError, OverflowError) as exc:  # a date like 0000-01-01, an int past Python's digit limit
            value = node.value if isinstance(node, ScalarNode) else node.tag
            reason = str(exc).split(":")[0]
            raise InputError(f"{self.where(node)}: cannot read {value[:40]!r} ({reason})") from None

    def construct_located(self, node: MappingNode) -> Located:
        first_line: dict[Any, int] = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node, deep=True)
            try:
                if key in first_line:
                    raise InputError(f"{self.where(key_node)}: key `{key}` appears twice (first on line "
                                     f"{first_line[key]}); give each field once")
                first_line[key] = key_node.start_mark.line + 1
            except TypeError:  # an unhashable key: the constructor below says so
                continue
        mapping = Located(self.construct_mapping(node, deep=True))  # type: ignore[attr-defined]
        mapping.where = self.where(node)
        return mapping


class PythonLoader(_Reading, yaml.SafeLoader):
    pass


class CLoader(_Reading, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


for _loader in (PythonLoader, CLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _Reading.construct_located)
YAML_LOADER: type = CLoader if hasattr(yaml, "CSafeLoader") else PythonLoader


def _compose(loader: Any, depth: int) -> tuple[Node, int, int]:
    """One node from the event stream, as PyYAML's composer builds it, with its height (levels of collections)
    and its size (values, counting what aliases repeat). Refuses nesting past MAX_DEPTH, also through an alias,
    and aliases repeating more than MAX_ALIASED values in all (a "billion laughs" file is refused in a few
    steps: the sizes are added up, never expanded)."""
    event = loader.get_event()
    if isinstance(event, AliasEvent):
        if event.anchor not in loader.anchored:  # also `&a [*a]`: an anchor is usable only once complete
            raise yaml.composer.ComposerError(None, None, f"found undefined alias {event.anchor!r}",
                                              event.start_mark)
        node, height, size = loader.anchored[event.anchor]
        if depth + height > MAX_DEPTH:
            raise _too_deep(loader.where(event))
        loader.aliased += size
        if loader.aliased > MAX_ALIASED:
            raise InputError(f"{loader.where(event)}: aliases (*{event.anchor}) repeat more than {MAX_ALIASED:,} "
                             f"values in all; write the values out instead")
        return node, height, size
    if isinstance(event, ScalarEvent):
        tag = event.tag if event.tag not in (None, "!") else loader.resolve(ScalarNode, event.value, event.implicit)
        composed = ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style), 0, 1
    else:
        assert isinstance(event, CollectionStartEvent)
        if depth >= MAX_DEPTH:
            raise _too_deep(loader.where(event))
        mapping = isinstance(event, MappingStartEvent)
        kind = MappingNode if mapping else SequenceNode
        tag = event.tag if event.tag not in (None, "!") else loader.resolve(kind, None, event.implicit)
        node = kind(tag, [], event.start_mark, None, flow_style=event.flow_style)
        end = MappingEndEvent if mapping else SequenceEndEvent
        height, size = 0, 1
        while not loader.check_event(end):
            parts = [_compose(loader, depth + 1) for _ in range(2 if mapping else 1)]
            node.value.append((parts[0][0], parts[1][0]) if mapping else parts[0][0])
            height, size = max(height, *(p[1] for p in parts)), size + sum(p[2] for p in parts)
        node.end_mark = loader.get_event().end_mark
        composed = node, height + 1, size
    if event.anchor is not None:
        loader.anchored[event.anchor] = composed
    return composed


def load_yaml(text: str, name: str) -> Any:
    """One YAML document as Python values, each mapping a Located; InputError (with file:line) if refused."""
    loader = None
    try:
        loader = YAML_LOADER(text)  # both readers reject control characters
        loader.filename, loader.anchored, loader.aliased = name, {}, 0
        loader.get_event()  # stream start
        if loader.check_event(StreamEndEvent):
            return None
        loader.get_event()  # document start
        node = _compose(loader, 0)[0]
        loader.get_event()  # document end
        if not loader.check_event(StreamEndEvent):
            raise yaml.composer.ComposerError("expected a single document in the stream", None,
                                              "but found another document", loader.get_event().start_mark)
        return loader.construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{name}:{mark.line + 1}" if mark else name
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        if "maximum nesting depth" in problem:  # libyaml's own cap (1,000), met while it scans ahead of us
            raise _too_deep(where) from None
        raise InputError(f"{where}: not valid YAML ({problem})") from None
    finally:
        if loader is not None:
            loader.dispose()


# --- JSON ----------------------------------------------------------------------------------------------------
_JSON_STRING = re.compile(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_NOT_BRACKET_OR_NEWLINE = re.compile(r"[^\[\]{}\n]+")
_DEPTH_STEP = {"(": 1, ")": -1, "\n": 0}
_TO_PARENS = str.maketrans("[{]}", "(())")


def _json_depth_exceeds(text: str, limit: int) -> bool:
    """Whether brackets outside strings nest deeper than `limit`, in a few passes of C string operations (a
    2 MB file in milliseconds) rather than a character loop: each pass removes the innermost `()` pairs."""
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text)).translate(_TO_PARENS)
    for _ in range(limit):
        reduced = brackets.replace("()", "")
        if reduced == brackets:
            break
        brackets = reduced
    # left: deeper pairs, or openers never closed (a cut-off file), which the parser would also descend into
    return "()" in brackets or brackets.count("(") > limit


def _json_number(text: str) -> int:
    if len(text) > MAX_DIGITS:
        raise InputError(f"a number {len(text):,} digits long cannot be a fact's field")
    return int(text)


def _located_pairs(pairs: list[tuple[str, Any]]) -> Located:
    record = Located(pairs)
    if len(record) < len(pairs):
        keys = [key for key, _ in pairs]
        record.duplicate = next(key for i, key in enumerate(keys) if key in keys[:i])
    return record


def load_json(text: str, name: str) -> Any:
    """A JSON import: records are numbered `name fact N` (and `source N`); InputError if refused."""
    if _json_depth_exceeds(text, MAX_DEPTH):
        raise _too_deep(f"{name}:{_first_deep_line(text)}")
    try:
        value = json.loads(text, object_pairs_hook=_located_pairs, parse_int=_json_number)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    except InputError as exc:
        raise InputError(f"{name}: {exc}") from None
    groups = [("fact", value)] if isinstance(value, list) else [
        (key[:-1], value.get(key)) for key in ("facts", "sources")] if isinstance(value, dict) else []
    for label, items in groups:
        for index, item in enumerate(items if isinstance(items, list) else [], start=1):
            if isinstance(item, Located):
                item.where = f"{name} {label} {index}"
    for record, where in _objects(value, name):
        if record.duplicate is not None:
            raise InputError(f"{where}: key `{record.duplicate}` appears twice; give each field once")
    return value


def _objects(value: Any, where: str) -> list[tuple[Located, str]]:
    """Every object in a parsed JSON value, outer ones first, each with the place of the nearest numbered record
    holding it (the depth is already known to be small)."""
    if isinstance(value, Located):
        where = value.where or where
        return [(value, where), *(o for item in value.values() for o in _objects(item, where))]
    if isinstance(value, list):
        return [o for item in value for o in _objects(item, where)]
    return []


def _first_deep_line(text: str) -> int:
    """The line where nesting first passes MAX_DEPTH (only asked once it is known to), by running depths added
    up in C: strings hold no raw newline, so dropping them and all but brackets and newlines keeps the count."""
    compact = _NOT_BRACKET_OR_NEWLINE.sub("", _JSON_STRING.sub("", text)).translate(_TO_PARENS)
    depths = list(accumulate(map(_DEPTH_STEP.__getitem__, compact)))
    try:
        return compact.count("\n", 0, depths.index(MAX_DEPTH + 1)) + 1
    except ValueError:  # deep only by the pairs test (stray closers first): the first line will do
        return 1
