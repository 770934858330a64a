"""One finding, one flag: the merge of a check's findings about one fact across sources."""

from __future__ import annotations

from consistency.checks.base import Evidence, Finding, Flag, Severity
from consistency.checks.merge import merge_findings


def ev(doc: str, n: int) -> Evidence:
    return Evidence(doc, n * 10, n * 10 + 4, fact_id=f"{doc}:f{n:03d}")


def pair(a: Evidence, b: Evidence, says_a: str, says_b: str, **extra: object) -> Finding:
    return Finding(
        evidence=(a, b),
        message=f"{a.doc_id} says {says_a}, {b.doc_id} says {says_b}.",
        explanation=f"{says_a} is not {says_b}.",
        topic=str(extra.pop("topic", "the toll")),
        sides=((a.doc_id, says_a), (b.doc_id, says_b)),
        **extra,  # type: ignore[arg-type]
    )


def test_pairs_sharing_a_fact_become_one_finding_naming_every_source() -> None:
    a, b, c = ev("a", 1), ev("b", 1), ev("c", 1)
    merged = merge_findings(
        [pair(a, b, "12", "14"), pair(a, c, "12", "14")], severity=Severity.ERROR
    )
    assert len(merged) == 1
    finding = merged[0]
    assert finding.evidence == (a, b, c)
    assert finding.sides == (("a", "12"), ("b", "14"), ("c", "14"))
    assert finding.message == "3 sources differ on the toll: 12 (a) against 14 (b, c)."
    assert finding.explanation == "12 is not 14."
    flag = Flag("N001", "numeric.value_mismatch", Severity.ERROR, finding.evidence,
                ("12", "14", "14"), finding.message, finding.explanation)  # fmt: skip
    assert flag.related == "a:f001 a b:f001 b c:f001 c"


def test_the_source_a_check_names_as_deviating_leads() -> None:
    a, b, c = ev("a", 1), ev("b", 1), ev("c", 1)
    findings = [pair(b, a, "14", "12", deviates=("a",)), pair(c, a, "14", "12", deviates=("a",))]
    (finding,) = merge_findings(findings, severity=Severity.ERROR)
    assert finding.evidence[0] == a
    assert finding.deviates == ("a",)
    assert finding.message.endswith("a is the odd one out.")


def test_unrelated_findings_and_other_topics_stay_apart() -> None:
    a, b, c, d = ev("a", 1), ev("b", 1), ev("c", 2), ev("d", 2)
    speaker = pair(a, b, "'Holm'", "'Dahl'", topic="the speaker")
    channel = pair(a, b, "'AP'", "'Reuters'", topic="the channel")
    other = pair(c, d, "3", "4")
    merged = merge_findings([speaker, channel, other], severity=Severity.WARNING)
    assert merged == [speaker, channel, other]


def test_findings_inside_one_source_are_not_merged() -> None:
    one = Finding((ev("a", 1), ev("a", 2)), "change against levels", "why")
    two = Finding((ev("a", 1), ev("a", 3)), "change against other levels", "why")
    assert merge_findings([one, two], severity=Severity.WARNING) == [one, two]


def test_without_sides_the_message_names_the_other_sources() -> None:
    a, b, c = ev("a", 1), ev("b", 1), ev("c", 1)
    first = Finding((a, b), "a and b differ.", "why", severity=Severity.WARNING)
    second = Finding((a, c), "a and c differ.", "why")
    (finding,) = merge_findings([first, second], severity=Severity.ERROR)
    assert finding.message == "a and b differ. The same holds for c."
    assert finding.severity == Severity.ERROR, "the most severe of the merged findings"
