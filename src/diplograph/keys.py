"""What names a graph's content, for what is kept between runs: the validation record, the derived data.

A key is a digest of exactly what the kept thing depends on — the files'
bytes, the shapes, the source texts, the code — so a change to any of them is
a new key and nothing stale is ever taken.
"""

from __future__ import annotations

import hashlib

import orjson

from . import cache
from .cache import code_digest
from .layout import Layout, StoreSpec
from .sheets import SourceFile

__all__ = ["content_key", "remember_valid", "validated_before", "validation_key"]


def validation_key(layout: Layout, files: list[SourceFile]) -> str:
    """A digest of everything validation reads: the files, the shapes, the source texts, the code."""
    digest = hashlib.sha256(code_digest().encode())
    extra = [layout.shapes_file, layout.context_file,
             *(sorted(layout.sources_dir.rglob("*")) if layout.sources_dir.is_dir() else [])]
    for path, text in sorted([(str(f.path), f.text.encode()) for f in files] +
                             [(str(p), p.read_bytes()) for p in extra if p.is_file()]):
        digest.update(path.encode() + b"\0" + hashlib.sha256(text).digest())
    return digest.hexdigest()


def validated_before(key: str) -> bool:
    """Whether exactly this content (same bytes, same diplograph) passed validation before: then it is skipped.

    SHACL validation takes most of a start; its answer depends only on what
    the key covers. The record must name the key it was written for, in a
    cache folder private to the user: a planted or empty file skips nothing.
    """
    kept = cache.read("validated", key)
    try:
        return kept is not None and orjson.loads(kept) == {"format": 1, "validated": key}
    except orjson.JSONDecodeError:
        return False


def remember_valid(key: str) -> None:
    cache.write("validated", key, orjson.dumps({"format": 1, "validated": key}), keep=64)


def content_key(spec: StoreSpec, layout: Layout, files: list[SourceFile], overlay: str) -> str | None:
    """A digest naming what a graph generation holds — its store, its files and its runtime ``overlay`` (a digest
    of it) — for caches of what is derived from it.

    Files loaded into memory are named by their contents (the N-Quads bulk
    files by path, size and time, as hashing a million quads at every start
    would cost more than it saves); a built store by its folder's identity,
    which a rebuild changes (it is renamed into place); the runtime overlay by
    its contents. A remote engine's data has no such name: None.
    """
    if spec.kind == "sparql":
        return None
    digest = hashlib.sha256(f"{spec.kind}:{code_digest()}".encode())
    if spec.kind == "oxigraph":
        assert spec.path is not None
        info = spec.path.stat()
        digest.update(f"{spec.path.resolve()}:{info.st_ino}:{info.st_mtime_ns}".encode())
    else:
        digest.update(validation_key(layout, files).encode())
        for path, name in layout.files():
            if name is None:
                info = path.stat()
                digest.update(f"{path.resolve()}:{info.st_size}:{info.st_mtime_ns}".encode())
    digest.update(overlay.encode())
    return digest.hexdigest()
