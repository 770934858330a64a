"""consistency: cross-source factual consistency checking for news.

``from consistency import check`` runs the checker from Python (see docs/api.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Config", "Result", "__version__", "check"]

if TYPE_CHECKING:
    from consistency.api import Result, check
    from consistency.config import Config


def __getattr__(name: str) -> Any:
    """The API is imported on first use, so that ``import consistency.lang`` stays light."""
    if name in ("check", "Result"):
        from consistency import api

        return getattr(api, name)
    if name == "Config":
        from consistency.config import Config

        return Config
    raise AttributeError(f"module 'consistency' has no attribute {name!r}")
