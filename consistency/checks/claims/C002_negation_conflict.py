"""One source asserts what another denies.

Two sources make the same claim (same subject, predicate and object) but one
negates it: "the ministry confirmed the deal" against "the ministry did not
confirm the deal".

Both must be told as fact (not "would not have ...", "could not be
measured") and in the same tense ("will take effect" against "has not taken
effect" is no conflict); a bare denial ("did not agree") answers a detailed
assertion, but a detailed denial ("did not rescind a rule") does not
contradict a bare assertion ("rescinded"); with no object on either side the
two clauses must read alike ("checked into the Betty Ford Center" against
"never checked into Morningside" is no conflict); a light verb ("have",
"take") says nothing without its object.

Sources written days apart are compared only on acts both date to one day: a
later report may rightly deny what an early one said was still to come.

A passive denial of the act for anyone ("No one has been arrested, a police
spokesman said") answers any report that someone underwent it ("Police arrested
the site manager"): a denial an official gives counts as a claim. A denial that
says more than the report ("No one has been brought out alive") denies something
else.

Options: ``min_object_similarity`` for two objects to name the same thing.

Example: "Police arrested the driver" / "Police did not arrest the driver".
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import cache
from types import MappingProxyType
from typing import Final

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import (
    Row,
    anchors,
    detail,
    evidence,
    of_kind,
    peer_documents,
    sentence_dates,
    told_alike,
)
from consistency.lang import vocab
from consistency.lang.compare import checkable_claim, key_text, same_claim
from consistency.lang.predicates import canonical_predicate, same_predicate

#: Subjects of a passive denial that leave no one out: "No one has been arrested".
NOBODY: Final = vocab.marked("pronouns", 1, "negative")
#: verbs too light to assert anything without their object ("agencies have ...")
LIGHT_VERBS: Final = frozenset({"be", "have", "do", "get", "make", "take", "go", "come"})
_WORD: Final = re.compile(r"[a-z0-9]+")


def _unsaid(yes: Row, no: Row) -> set[str]:
    """Content words of the denial that the assertion lacks, past its subject and verb:
    "morningside" in "never checked into Morningside" against "checked into Betty Ford"."""
    said = set(_WORD.findall(str(yes["text"]).lower()))
    subject = set(_WORD.findall(f"{no['canonical']} {no['subject']}".lower()))
    verb = str(no["predicate"] or "")[:4]
    return {
        w
        for w in _WORD.findall(str(no["text"]).lower())
        if w not in said | subject | _stop_words() and not (verb and w.startswith(verb))
    }


def _opposed(yes: Row, no: Row) -> bool:
    """Can the denial contradict the assertion? Both told as fact, in the same tense, about
    the same thing; a bare denial ("did not agree") covers a detailed assertion, not the
    reverse."""
    if not told_alike(yes, no):
        return False  # "would not have placed him ...", "will take effect" / "has not yet"
    complements = {detail(yes).get("complement"), detail(no).get("complement")}
    if len(complements) == 2 and None not in complements:
        return False  # "wanted to break the record" / "did not want to dwell on it"
    if not yes["object"] and no["object"]:
        return False  # "Salazar rescinded ..." and "did not rescind a rule": maybe another
    if yes["predicate"] in LIGHT_VERBS and not (yes["object"] and no["object"]):
        return False  # "agencies will have to consult" / "do not have the expertise"
    return bool(yes["object"]) or not _unsaid(yes, no)


@cache
def _stop_words() -> frozenset[str]:
    """English stop words, read from the parser's language data when first needed."""
    from spacy.lang.en.stop_words import STOP_WORDS  # the parser's list; spaCy loads slowly

    return frozenset(STOP_WORDS)


def _day(date: Row) -> str | None:
    """The day a date fact names ("on Thursday", "15 June"), else None."""
    return str(date["time_start"]) if date["granularity"] == "day" and date["time_start"] else None


def _comparable(ctx: CheckContext) -> Callable[[Row, Row], bool]:
    """Can two claims of the story contradict? Reports written days apart at most can;
    reports further apart only of one act they date to one day ("did not meet residents
    when she visited on Thursday" against "on Thursday, meeting residents")."""
    peers, documents = peer_documents(ctx), anchors(ctx)
    days = sentence_dates(ctx, _day)

    def comparable(yes: Row, no: Row) -> bool:
        if no["doc_id"] in peers.get(yes["doc_id"], ()):
            return True
        story = documents.get(yes["doc_id"], {}).get("story")
        if story != documents.get(no["doc_id"], {}).get("story") or yes["doc_id"] == no["doc_id"]:
            return False
        return bool(
            days[(str(yes["doc_id"]), int(yes["sent_id"]))]
            & days[(str(no["doc_id"]), int(no["sent_id"]))]
        )

    return comparable


def _denials(ctx: CheckContext) -> Iterator[tuple[Row, Row]]:
    """(assertion, denial) pairs that may contradict, with one predicate: only those are
    compared (the cost grows with each predicate's claims)."""
    comparable = _comparable(ctx)
    by_act: dict[tuple[str, bool], list[Row]] = defaultdict(list)
    for claim in of_kind(ctx, "claim"):
        if checkable_claim(claim):
            act = canonical_predicate(claim["predicate"])
            by_act[(act, bool(detail(claim).get("negated")))].append(claim)
    for (act, negated), denials in sorted(by_act.items()):
        if not negated:
            continue
        for yes in by_act.get((act, False), []):
            for no in denials:
                if comparable(yes, no):
                    yield yes, no


def denies_all(no: Row) -> bool:
    """ "No one has been arrested": a denial of the act whoever would undergo it."""
    return bool(detail(no).get("passive")) and key_text(no["subject"]) in NOBODY


def _undergone(yes: Row) -> bool:
    """Does the assertion say someone underwent the act ("police arrested the site
    manager", "the manager was arrested")?"""
    return bool(yes["object"]) or bool(detail(yes).get("passive"))


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    for yes, no in _denials(ctx):
        if denies_all(no):
            if yes["predicate"] in LIGHT_VERBS or not _undergone(yes):
                continue  # "Nobody is to blame" says nothing of what "was" did
            if not same_predicate(yes["predicate"], no["predicate"]):
                continue
            if not told_alike(yes, no) or _unsaid(yes, no):
                continue  # "No one has been brought out alive": bodies were
        elif not (
            same_claim(yes, no, min_similarity=options["min_object_similarity"])
            and _opposed(yes, no)
        ):
            continue
        yield Finding(
            evidence=(evidence(yes), evidence(no)),
            message=(
                f"{yes['doc_id']} says {yes['canonical']} did {yes['predicate']!r}"
                f"{' ' + repr(yes['object']) if yes['object'] else ''}; {no['doc_id']} says "
                "the opposite."
            ),
            explanation=(
                f"Both claims have the subject {yes['canonical']!r} and the predicate "
                f"{yes['predicate']!r} with the same object, but only {no['doc_id']} negates it."
            ),
            suggestion="Find out which is true; at most one source can be right.",
            topic=f"whether {yes['canonical']} did {yes['predicate']!r}",
            sides=((yes["doc_id"], "it did"), (no["doc_id"], "it did not")),
        )


CHECK = Check(
    code="C002",
    name="claims.negation_conflict",
    severity=Severity.ERROR,
    find=find,
    module=sys.modules[__name__],
    groups=("claims", "cross-source"),
    defaults=MappingProxyType({"min_object_similarity": 0.7}),
)
