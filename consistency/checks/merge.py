"""One finding, one flag: findings of one check about the same fact across sources merged.

A pairwise check reports each pair of sources that disagree: three sources
giving two speakers for one quote are two or three findings of one fact. They
are merged when they share a piece of evidence (a fact, else a span) across
sources and say they are about the same thing (equal ``topic``). The merged
finding holds every piece of evidence, names every source and the side it
takes, and leads with the source that deviates when the checks name one.
When the checks give no sides, the merged message lists the other sources.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from consistency.checks.base import Evidence, Finding, Severity, Stance


def _token(evidence: Evidence) -> tuple[str, ...]:
    if evidence.fact_id:
        return ("fact", evidence.fact_id)
    return ("span", evidence.doc_id, str(evidence.char_start), str(evidence.char_end))


def _cross_source(finding: Finding) -> bool:
    return len({e.doc_id for e in finding.evidence}) > 1


def groups(findings: Sequence[Finding]) -> list[list[int]]:
    """Indices of the findings that are one finding, in order of first appearance."""
    parent = list(range(len(findings)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[str, ...], int] = {}
    for i, finding in enumerate(findings):
        if not _cross_source(finding):
            continue
        for evidence in finding.evidence:
            key = (finding.topic, *_token(evidence))
            if key in owner:
                parent[root(i)] = root(owner[key])
            else:
                owner[key] = i
    out: dict[int, list[int]] = {}
    for i in range(len(findings)):
        out.setdefault(root(i), []).append(i)
    return sorted(out.values(), key=lambda members: members[0])


def merge_findings(findings: Iterable[Finding], *, severity: Severity) -> list[Finding]:
    """Each group of findings about one fact as one finding; ``severity`` is the check's
    configured one, for findings that do not set their own."""
    items = list(findings)
    out: list[Finding] = []
    for members in groups(items):
        group = [items[i] for i in members]
        out.append(group[0] if len(group) == 1 else _merged(group, severity))
    return out


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _merged(group: list[Finding], severity: Severity) -> Finding:
    deviates = tuple(_unique(d for f in group for d in f.deviates))
    evidence = list(dict.fromkeys(e for f in group for e in f.evidence))
    if deviates:  # the odd one out leads: its span is the flag's primary evidence
        evidence.sort(key=lambda e: e.doc_id not in deviates)
    sides = _sides(group)
    explanations = _unique(f.explanation for f in group)
    explanation = explanations[0]
    if len(explanations) > 1:
        explanation += f" ({len(explanations) - 1} more pair(s) of sources alike.)"
    return replace(
        group[0],
        evidence=tuple(evidence),
        message=_message(group, sides, deviates),
        explanation=explanation,
        severity=max(f.severity or severity for f in group),
        sides=sides,
        deviates=deviates,
    )


def _sides(group: list[Finding]) -> tuple[Stance, ...]:
    """Each source once, with what it says (the first finding naming it decides)."""
    if not all(f.sides for f in group):
        return ()
    said: dict[str, str] = {}
    for finding in group:
        for doc_id, says in finding.sides:
            said.setdefault(doc_id, says)
    return tuple(said.items())


def _message(group: list[Finding], sides: tuple[Stance, ...], deviates: tuple[str, ...]) -> str:
    docs = _unique(e.doc_id for f in group for e in f.evidence)
    if not sides or not group[0].topic:
        others = [d for d in docs if d not in {e.doc_id for e in group[0].evidence}]
        if not others:
            return group[0].message
        return f"{group[0].message} The same holds for {', '.join(others)}."
    by_value: dict[str, list[str]] = {}
    for doc_id, says in sides:
        by_value.setdefault(says, []).append(doc_id)
    parts = [f"{says} ({', '.join(doc_ids)})" for says, doc_ids in by_value.items()]
    text = f"{len(sides)} sources differ on {group[0].topic}: {' against '.join(parts)}."
    if len(deviates) == 1:
        text += f" {deviates[0]} is the odd one out."
    elif deviates:
        text += f" {', '.join(deviates)} differ from the others."
    return text
