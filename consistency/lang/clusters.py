"""A small union-find over hashable keys (deterministic roots: the smallest key)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any


class UnionFind:
    def __init__(self) -> None:
        self._parent: dict[Any, Any] = {}

    def add(self, key: Hashable) -> None:
        self._parent.setdefault(key, key)

    def find(self, key: Hashable) -> Any:
        self.add(key)
        root = key
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[key] != root:
            self._parent[key], key = root, self._parent[key]
        return root

    def union(self, a: Hashable, b: Hashable) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = sorted((ra, rb))
            self._parent[high] = low

    def keys(self) -> list[Any]:
        """Every key added, in the order added."""
        return list(self._parent)
