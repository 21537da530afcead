"""How every headless command speaks: bad input as one line on stderr with exit status 2,
results as JSON lines on stdout (``app``, ``library_cli``, ``promises_cli``)."""

from __future__ import annotations

import json
import sys
from typing import Any

EXIT_BAD_INPUT = 2


def fail(message: str) -> int:
    """Bad input: one line on stderr; returns the exit status 2."""
    print(f"haizhu-reader: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def json_line(data: Any) -> None:
    """One JSON line on stdout, as UTF-8 (a lone surrogate from argv escaped)."""
    line = json.dumps(data, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(data)
    sys.stdout.write(line + "\n")
