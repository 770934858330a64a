"""Word alternations for regular expressions, written as tries."""

from __future__ import annotations

import re
from collections.abc import Iterable

Node = dict[str, "Node"]


def alternation(words: Iterable[object]) -> str:
    """An alternation of words as a trie ("j(?:an(?:uary)?|u(?:ly?|ne?))"): the same
    matches as longest-first alternatives, faster (each position is tried against a
    few first letters, not against every word)."""
    tree: Node = {}
    for word in words:
        node = tree
        for ch in str(word):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branch(tree)


def _branch(node: Node) -> str:
    parts = [re.escape(ch) + _branch(child) for ch, child in sorted(node.items()) if ch]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return "(?:" + body + ")?" if "" in node else body
