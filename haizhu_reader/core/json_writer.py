"""JSON written as it is made: what ``json.dump(value, out, ensure_ascii=False, indent=2)``
writes, character for character, without holding the whole tree or its text.

``--dump-structure`` of a report whose glossary is used a million times was a tree of
a million small dictionaries and then their text: several times the file in memory.
Here any iterable that is not a list, dict or str (a generator) is written as an array
as it yields, a long string goes out in pieces, and the text is handed to ``write`` in
blocks of about 64 KB.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

_BLOCK = 1 << 16
_PIECE = 1 << 16  # characters of a long string escaped at a time
_encode_str: Callable[[str], str] = json.encoder.encode_basestring


def _scalar(value: Any) -> str | None:
    """The JSON of a string, number, bool or null; None for a container."""
    if isinstance(value, str):
        if len(value) > _PIECE:
            return None  # written in pieces
        return _encode_str(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return json.dumps(value)
    return None


class _Writer:
    def __init__(self, write: Callable[[str], Any], indent: int) -> None:
        self._write = write
        self._indent = " " * indent
        self._buffer: list[str] = []
        self._size = 0
        self._keys: dict[str, str] = {}

    def put(self, text: str) -> None:
        self._buffer.append(text)
        self._size += len(text)
        if self._size >= _BLOCK:
            self.flush()

    def flush(self) -> None:
        if self._buffer:
            self._write("".join(self._buffer))
            self._buffer.clear()
            self._size = 0

    def key(self, k: str) -> str:
        encoded = self._keys.get(k)
        if encoded is None:
            encoded = self._keys[k] = _encode_str(k) + ": "
        return encoded

    def value(self, value: Any, level: int) -> None:
        text = _scalar(value)
        if text is not None:
            self.put(text)
        elif isinstance(value, str):
            self.put('"')
            for at in range(0, len(value), _PIECE):
                self.put(_encode_str(value[at : at + _PIECE])[1:-1])
            self.put('"')
        elif isinstance(value, dict):
            self.mapping(value, level)
        elif isinstance(value, Iterable):
            self.array(iter(value), level)
        else:
            raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")

    def mapping(self, d: dict[Any, Any], level: int) -> None:
        if not d:
            self.put("{}")
            return
        inner = "\n" + self._indent * (level + 1)
        items: list[str] = []
        for k, v in d.items():
            text = _scalar(v)
            if text is None:
                break
            items.append(self.key(k) + text)
        else:
            # A leaf (an occurrence, a paragraph): one piece of text.
            close = "\n" + self._indent * level + "}"
            self.put("{" + inner + ("," + inner).join(items) + close)
            return
        self.put("{")
        first = True
        for k, v in d.items():
            self.put((inner if first else "," + inner) + self.key(k))
            first = False
            self.value(v, level + 1)
        self.put("\n" + self._indent * level + "}")

    def array(self, items: Iterator[Any], level: int) -> None:
        inner = "\n" + self._indent * (level + 1)
        first = True
        for v in items:
            self.put("[" + inner if first else "," + inner)
            first = False
            self.value(v, level + 1)
        self.put("[]" if first else "\n" + self._indent * level + "]")


def write_json(value: Any, write: Callable[[str], Any], indent: int = 2) -> None:
    """Write ``value`` as ``json.dump(value, …, ensure_ascii=False, indent=indent)`` would."""
    writer = _Writer(write, indent)
    writer.value(value, 0)
    writer.flush()
