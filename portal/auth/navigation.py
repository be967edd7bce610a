"""Where to send someone after signing in: only ever a path on this site."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

_FORBIDDEN = ("\\", "\r", "\n", "\t")


def safe_next(target: str | None) -> str:
    """Return ``target`` if it is a path on this site, otherwise the home page."""
    if not target or any(ch in target for ch in _FORBIDDEN):
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


def with_next(path: str, target: str | None) -> str:
    """Return ``path`` carrying a safe ``next`` parameter, unless it is the home page."""
    target = safe_next(target)
    return path if target == "/" else f"{path}?next={quote(target)}"
