"""What names a graph's content, for the derived data kept between runs (documents' checks: see ``corpus``).

A key is a digest of exactly what the kept thing depends on — the files'
bytes, the shapes, the source texts, the code — so a change to any of them is
a new key and nothing stale is ever taken.
"""

from __future__ import annotations

import hashlib

from . import shacl
from .cache import code_digest
from .layout import Layout, StoreSpec
from .sheets import SourceFile

__all__ = ["content_key", "validation_key"]


def validation_key(layout: Layout, files: list[SourceFile]) -> str:
    """A digest of everything validation reads: the files, the shapes, the source texts, the code and its SHACL
    engine."""
    digest = hashlib.sha256(f"{code_digest()}:{shacl.engine_name()}".encode())
    extra = [layout.shapes_file, layout.context_file,
             *(sorted(layout.sources_dir.rglob("*")) if layout.sources_dir.is_dir() else [])]
    for path, text in sorted([(str(f.path), f.text.encode()) for f in files] +
                             [(str(p), p.read_bytes()) for p in extra if p.is_file()]):
        digest.update(path.encode() + b"\0" + hashlib.sha256(text).digest())
    return digest.hexdigest()


def content_key(spec: StoreSpec, layout: Layout, files: list[SourceFile], overlay: str,
                known: tuple[dict[str, str], str] | None = None) -> str | None:
    """A digest naming what a graph generation holds — its store, its files and its runtime ``overlay`` (a digest
    of it) — for caches of what is derived from it.

    Files loaded into memory are named by their contents (the N-Quads bulk
    files by path, size and time, as hashing a million quads at every start
    would cost more than it saves); a built store by its folder's identity,
    which a rebuild changes (it is renamed into place); the runtime overlay by
    its contents. A remote engine's data has no such name: None. ``known`` are the generation's documents' content
    keys and the key of what they share (with the N-Quads files' size and time), when it has them: they name its
    content as well, and nothing is read again (hashing every file cost 0.15 s at 1,000 documents, twice an accept).
    """
    if spec.kind == "sparql":
        return None
    digest = hashlib.sha256(f"{spec.kind}:{code_digest()}".encode())
    if spec.kind == "oxigraph":
        assert spec.path is not None
        info = spec.path.stat()
        digest.update(f"{spec.path.resolve()}:{info.st_ino}:{info.st_mtime_ns}".encode())
    elif known is not None:
        documents, shared = known
        digest.update(f"known:{shared}".encode())
        for name, key in sorted(documents.items()):
            digest.update(f"\0{name}:{key}".encode())
    else:
        digest.update(validation_key(layout, files).encode())
        for path, name in layout.files():
            if name is None:
                info = path.stat()
                digest.update(f"{path.resolve()}:{info.st_size}:{info.st_mtime_ns}".encode())
    digest.update(overlay.encode())
    return digest.hexdigest()
