"""Linker: each claim points at the date, ordinal and figure facts attached to it.

Claims record the character spans of the dates, ordinals and figures inside
their clause (``detail``: dates, ordinals, figures). Once every extractor has
run and facts have ids, this fills a claim's ``link`` with the fact_ids of the
facts of those kinds whose spans overlap them, space separated, in text order.
Other extractors' boundaries may differ ("in early February" / "early
February"): overlap is enough.
"""

from __future__ import annotations

import json
from typing import Final

from consistency.extract.claims.common import FactRow
from consistency.parsed import ParsedDocument

ATTACHABLE: Final = {
    "dates": frozenset({"date", "duration", "time"}),
    "ordinals": frozenset({"ordinal"}),
    "figures": frozenset({"money", "percent", "quantity", "age"}),
}


def _spans(detail: str | None) -> list[tuple[str, int, int]]:
    if not detail:
        return []
    data = json.loads(detail)
    return [
        (key, int(item["span"][0]), int(item["span"][1]))
        for key in ATTACHABLE
        for item in data.get(key, [])
    ]


def link_claims(parsed: ParsedDocument, rows: list[FactRow]) -> list[FactRow]:
    """Fill ``link`` of claim rows with the fact_ids of their attached facts."""
    targets = [r for r in rows if r.get("kind") not in ("claim", "quote", "entity")]
    out: list[FactRow] = []
    for row in rows:
        if row.get("kind") != "claim":
            out.append(row)
            continue
        ids: list[tuple[int, str]] = []
        for key, start, end in _spans(row.get("detail")):
            for target in targets:
                if target["kind"] in ATTACHABLE[key] and (
                    int(target["char_start"]) < end and start < int(target["char_end"])
                ):
                    ids.append((int(target["char_start"]), str(target["fact_id"])))
        unique = sorted(set(ids))
        out.append({**row, "link": " ".join(i for _, i in unique) or row.get("link")})
    return out
