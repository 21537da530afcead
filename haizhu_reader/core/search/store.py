"""The Whoosh index on disk: schema, build, validation, atomic install.

Layout under the cache's index folder::

    <content hash[:16]>-v<SCHEMA_VERSION>/   a finished index + meta.json
    .build-<random>/                         an index being built (private to one process)
    .trash-<random>/                         a stale or corrupt index on its way out

An index is only ever written inside a private ``.build-*`` folder and then
renamed into place, so two app instances never write the same files and Whoosh's
write lock never comes into play. ``meta.json`` records what the index was built
from (schema version, content hash, a digest of every searchable text) and the
size and BLAKE2 digest of each file: anything that does not match on open is
stale or corrupt, and is rebuilt. Whoosh can also open a damaged index cleanly
and fail at the first search (EOFError, struct.error, "Block tag error"), so
``Store.candidates`` raises ``IndexCorruptError`` for any failure inside Whoosh.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import multiprocessing
import os
import shutil
import stat
import sys
import threading
import time
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from whoosh import columns, fields
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.codec.whoosh3 import W3Codec
from whoosh.filedb.filestore import RamStorage

from haizhu_reader.core.files import NotRegularFileError, read_regular
from haizhu_reader.core.search.analysis import (
    BigramTokenizer,
    GramExistence,
    GramPositions,
    UnigramTokenizer,
    search_key,
)
from haizhu_reader.core.search.key import IndexCorruptError

# Bump when the schema, the analyzers (or the module they are pickled from: 2, when
# search_analysis became search/analysis.py) or the meaning of the key change.
SCHEMA_VERSION = 2
META = "meta.json"
_STALE_BUILD_SECONDS = 3600
_MAX_META = 1 << 20  # meta.json lists a few dozen files
# Over this many key characters, build with several processes where that is safe.
_PARALLEL_FROM_CHARS = 1_000_000


class IndexCodec(W3Codec):  # type: ignore[misc]
    """Whoosh's codec without field-length statistics.

    Nothing here is scored by Whoosh, and gathering them cost a column lookup
    (for unscored fields, a file stat) per posting. Whoosh pickles the codec
    into each segment: keep it at this import path.
    """

    length_stats = False


class Doc(Protocol):
    """What the store needs of one searchable text (``search.Unit`` provides it)."""

    @property
    def id(self) -> str: ...
    @property
    def scope(self) -> str: ...
    @property
    def path(self) -> tuple[str, ...]: ...
    @property
    def text(self) -> str: ...


def schema() -> fields.Schema:
    """One document per searchable text.

    ``uni`` holds which character unigrams occur, ``bi`` the bigrams with
    positions for phrases. Neither is scorable: Whoosh only finds candidates,
    search scores exact occurrences itself, and skipping Whoosh's frequencies
    and length columns makes the build much faster. ``ord`` is the text's place
    in reading order, a column so a hit maps to its text without reading stored
    fields. Only ``id`` is stored, so the index describes itself.
    """
    return fields.Schema(
        id=fields.ID(stored=True),
        kind=fields.ID(),  # body | glossary | note
        section=fields.KEYWORD(),  # section path ids, part first
        ord=fields.COLUMN(columns.NumericColumn("I")),
        uni=fields.FieldType(GramExistence(), UnigramTokenizer()),
        bi=fields.FieldType(GramPositions(), BigramTokenizer()),
    )


def docs_digest(docs: Sequence[Doc]) -> str:
    """A digest of everything indexed, so a parser change that keeps the content hash
    but changes ids or texts still makes the index stale."""
    h = hashlib.blake2b(digest_size=16)
    for d in docs:
        for part in (d.scope, d.id, " ".join(d.path), d.text):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\x1f")
        h.update(b"\x1e")
    return h.hexdigest()


def default_procs(docs: Sequence[Doc]) -> int:
    """Processes for a build: one, unless the corpus is large and forking is safe.

    Whoosh's multi-process writer relies on fork; frozen apps and spawn-only
    platforms build in one process.
    """
    if sum(len(d.text) for d in docs) < _PARALLEL_FROM_CHARS or getattr(sys, "frozen", False):
        return 1
    method = multiprocessing.get_start_method(allow_none=True)
    if (method or multiprocessing.get_all_start_methods()[0]) != "fork":
        return 1
    return max(1, min(4, os.cpu_count() or 1))


def _write(ix: Any, docs: Sequence[Doc], procs: int) -> None:
    """All documents in one writer and one commit.

    No compression (the postings are small; zlib cost more than it saved),
    a sort pool large enough to skip spilling runs to disk at 100× the
    bundled report, and with several processes one segment per process
    (no final merge).
    """
    options: dict[str, Any] = {
        "limitmb": 512,
        "codec": IndexCodec(compression=0),
    }
    if procs > 1:
        options.update(procs=procs, multisegment=True)
    # Whoosh's posting pool is millions of small tuples: with the cycle
    # collector on, every full collection walks them all (the build took twice
    # as long at 100x). Nothing here makes cycles worth collecting mid-build.
    collecting = gc.isenabled()
    gc.disable()
    try:
        writer = ix.writer(**options)
        try:
            for i, d in enumerate(docs):
                writer.add_document(
                    id=d.id, kind=d.scope, section=" ".join(d.path), ord=i, uni=d.text, bi=d.text
                )
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
    finally:
        if collecting:
            gc.enable()


def _file_digests(folder: Path) -> dict[str, list[Any]]:
    """Each file's size and digest; ``OSError`` if the folder holds anything but files
    (a FIFO would block the read, and Whoosh's, for ever)."""
    out: dict[str, list[Any]] = {}
    for f in sorted(folder.iterdir()):
        if not stat.S_ISREG(f.lstat().st_mode):
            raise NotRegularFileError(f, f.lstat().st_mode)
        if f.name == META or f.name.endswith("_WRITELOCK"):
            continue
        with f.open("rb") as fh:
            digest = hashlib.file_digest(fh, "blake2b").hexdigest()
        out[f.name] = [f.stat().st_size, digest]
    return out


class Store:
    """An open Whoosh index and its documents, with one searcher per thread.

    A Whoosh searcher shared between threads returned exceptions and silently
    wrong results, so each thread gets its own, opened on first use.
    """

    def __init__(self, ix: Any, docs: Sequence[Doc], location: Path | None) -> None:
        self.ix = ix
        self.location = location
        self._local = threading.local()
        self._lock = threading.Lock()
        self._searchers: list[Any] = []
        try:
            reader = ix.reader()
            try:
                count = reader.doc_count()
                ords = list(reader.column_reader("ord")) if count else []
            finally:
                reader.close()
        except Exception as e:
            raise IndexCorruptError(f"cannot read the index: {e!r}") from e
        if count != len(docs) or sorted(ords) != list(range(len(docs))):
            raise IndexCorruptError(f"index holds {count} documents, expected {len(docs)}")
        self.ords: list[int] = ords

    def searcher(self) -> Any:
        s = getattr(self._local, "searcher", None)
        if s is None:
            s = self.ix.searcher()
            self._local.searcher = s
            with self._lock:
                self._searchers.append(s)
        return s

    def candidates(self, q: Any) -> list[int]:
        """The ordinals of every document matching the Whoosh query (unscored)."""
        try:
            ords = self.ords
            return [ords[docnum] for docnum in self.searcher().docs_for_query(q)]
        except Exception as e:  # any failure inside Whoosh: see the module docstring
            raise IndexCorruptError(f"search failed: {e!r}") from e

    def close(self) -> None:
        with self._lock:
            for s in self._searchers:
                with contextlib.suppress(Exception):
                    s.close()
            self._searchers.clear()
        with contextlib.suppress(Exception):
            self.ix.close()


class _RamStorage(RamStorage):  # type: ignore[misc]
    """RamStorage whose writer spills to a folder of its own.

    Whoosh's RamStorage gives every writer the same scratch folder
    (``/tmp/MAIN.tmp``), so two in-memory builds at once (two app instances,
    or notes and a fallback index) tread on each other's files.
    """

    def __init__(self) -> None:
        super().__init__()
        self.scratch: list[Any] = []

    def temp_storage(self, name: str | None = None) -> Any:
        storage = super().temp_storage(f"haizhu-reader-{uuid.uuid4().hex}.tmp")
        self.scratch.append(storage)
        return storage


def memory_store(docs: Sequence[Doc]) -> Store:
    """An index in RAM: notes, and the fallback when the cache folder is unusable."""
    ram = _RamStorage()
    ix = ram.create_index(schema())
    try:
        _write(ix, docs, 1)
    finally:
        for scratch in ram.scratch:
            with contextlib.suppress(OSError):
                scratch.destroy()
    return Store(ix, docs, None)


def _probe(store: Store, docs: Sequence[Doc]) -> None:
    """Search for the first and last documents' opening characters.

    Reads postings from both ends of the files, where truncation and garbage
    show up; the caller rebuilds on failure.
    """
    for i in {0, len(docs) - 1} if docs else ():
        key = search_key(docs[i].text)[:2]
        if not key:
            continue
        q = wq.Term("uni", key[0]) if len(key) == 1 else wq.Term("bi", key[:2])
        if i not in store.candidates(q):
            raise IndexCorruptError(f"document {i} not found by its own text")


class DiskIndex:
    """Open the index for ``docs`` in ``index_dir``, building it when needed."""

    def __init__(
        self, docs: Sequence[Doc], content_hash: str, index_dir: Path, procs: int | None = None
    ) -> None:
        self.docs = docs
        self.index_dir = index_dir
        self.final = self.folder(content_hash, index_dir)
        self.meta = {
            "schema": SCHEMA_VERSION,
            "content_hash": content_hash,
            "docs": len(docs),
            "digest": docs_digest(docs),
        }
        self.procs = procs
        self.builds = 0  # how many times this object built an index (tests, status)

    @staticmethod
    def folder(content_hash: str, index_dir: Path) -> Path:
        """Where the index of the report with ``content_hash`` is installed."""
        return index_dir / f"{(content_hash or 'nohash')[:16]}-v{SCHEMA_VERSION}"

    @staticmethod
    def may_hold(content_hash: str, index_dir: Path) -> bool:
        """Whether an index for that report may be installed (its meta file is there)."""
        return os.path.lexists(DiskIndex.folder(content_hash, index_dir) / META)

    # -- open ---------------------------------------------------------------

    def try_open(self, folder: Path) -> Store | None:
        """A store over ``folder`` if it holds a valid index for these docs, else None."""
        try:
            meta = json.loads(read_regular(folder / META, _MAX_META))
        except (OSError, ValueError):
            return None
        if not isinstance(meta, dict) or any(meta.get(k) != v for k, v in self.meta.items()):
            return None
        try:
            if meta.get("files") != _file_digests(folder):
                return None
        except OSError:
            return None
        store: Store | None = None
        try:
            store = Store(whoosh_index.open_dir(str(folder)), self.docs, folder)
            _probe(store, self.docs)
        except Exception:  # garbage in the TOC, unreadable segments, failed probe
            if store is not None:
                store.close()
            return None
        return store

    def open(self) -> Store:
        """The valid index, built and installed if missing, stale or corrupt."""
        with contextlib.suppress(OSError):
            self._tidy()
        store = self.try_open(self.final)
        if store is not None:
            return store
        try:
            built = self._build()
        except OSError:
            return memory_store(self.docs)  # the cache folder is unusable
        store = self._install(built)
        if store is None:
            # Not installable (the old folder is held open elsewhere, on Windows):
            # use ours where it is; a later start tidies it away.
            store = self.try_open(built)
        return store if store is not None else memory_store(self.docs)

    def rebuild(self, broken: Store) -> Store:
        """Replace an index that failed at search time."""
        broken.close()
        if broken.location is None:
            return memory_store(self.docs)
        self._discard(broken.location)
        return self.open()

    # -- build and install --------------------------------------------------

    def _build(self) -> Path:
        self.index_dir.mkdir(parents=True, exist_ok=True)
        tmp = self.index_dir / f".build-{uuid.uuid4().hex}"
        tmp.mkdir()
        try:
            procs = self.procs or default_procs(self.docs)
            ix = whoosh_index.create_in(str(tmp), schema())
            _write(ix, self.docs, procs)
            if ix.doc_count() != len(self.docs) and procs > 1:
                # The multi-process writer gives up on a slow worker: redo in one.
                ix.close()
                shutil.rmtree(tmp)
                tmp.mkdir()
                ix = whoosh_index.create_in(str(tmp), schema())
                _write(ix, self.docs, 1)
            ix.close()
            meta = {**self.meta, "files": _file_digests(tmp)}
            (tmp / META).write_text(json.dumps(meta), encoding="utf-8")
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        self.builds += 1
        return tmp

    def _install(self, built: Path) -> Store | None:
        """Rename ``built`` into place; if another process got there first, use theirs."""
        if self.final.exists():
            theirs = self.try_open(self.final)
            if theirs is not None:
                shutil.rmtree(built, ignore_errors=True)
                return theirs
            self._discard(self.final)
        try:
            built.rename(self.final)
        except OSError:
            theirs = self.try_open(self.final)
            if theirs is not None:
                shutil.rmtree(built, ignore_errors=True)
            return theirs
        return self.try_open(self.final)

    def _discard(self, folder: Path) -> None:
        trash = self.index_dir / f".trash-{uuid.uuid4().hex}"
        try:
            folder.rename(trash)
        except OSError:
            return
        shutil.rmtree(trash, ignore_errors=True)

    def _tidy(self) -> None:
        """Remove trash, abandoned builds and this report's indexes of older schemas."""
        if not self.index_dir.is_dir():
            return
        prefix = self.final.name.rsplit("-v", 1)[0] + "-v"
        now = time.time()
        for f in self.index_dir.iterdir():
            old_build = f.name.startswith(".build-") and now - f.stat().st_mtime > (
                _STALE_BUILD_SECONDS
            )
            old_schema = f.name.startswith(prefix) and f.name != self.final.name
            if f.name.startswith(".trash-") or old_build or old_schema:
                shutil.rmtree(f, ignore_errors=True)
