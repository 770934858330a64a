"""Temporal expressions: finding them and resolving them to calendar intervals.

- ``engine.find_timexes(text, *, anchor, prefer, tense)``: the pure core, text →
  :class:`timex.Timex` (span, TIMEX3 type and value, inclusive interval,
  granularity, modifier, direction, how an implicit year was chosen).
- ``extractor.extract_time(parsed, *, anchor=...)``: the extractor, a parsed
  document → date and duration fact rows (tense and predicate from ``grammar``).
- ``patterns`` (every compiled pattern), ``rules_absolute`` / ``rules_relative`` /
  ``rules_duration`` (what each pattern means), ``intervals`` (calendar
  arithmetic), ``units`` (counts and duration values), ``context`` (anchor, tense
  oracle and the no-parser tense fallback), ``explicit`` (full dates, also read by
  the anchor finder), ``joins`` (weekday + date, offset + what it counts from),
  ``holidays`` (named days), ``trie`` (fast word alternations).
"""
