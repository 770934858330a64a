"""The named-claims layer: entities, quotes with speakers, and event claims."""

from consistency.extract.claims.claims import extract_claims
from consistency.extract.claims.entities import extract_entities
from consistency.extract.claims.linker import link_claims
from consistency.extract.claims.quotes import extract_quotes

__all__ = ["extract_claims", "extract_entities", "extract_quotes", "link_claims"]
