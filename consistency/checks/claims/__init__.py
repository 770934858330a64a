"""Checks on named claims: series of events, quotes, speakers, negation, coverage."""
