"""Hypothesis strategies: news-like text built from fragments the extractors react to,
mixed with arbitrary Unicode."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

FRAGMENTS = (
    "on Monday",
    "last year",
    "this week",
    "15/6/2022",
    "June 15, 2022",
    "in 2019",
    "early February",
    "the first quarter of 2021",
    "the 1990s",
    "since 2010",
    "three years ago",
    "until next month",
    "$12 billion",
    "5 percent",
    "3.5 per cent",
    "more than 1,000 people",
    "aged 45",
    "the 12th",
    "-3",
    "€ 4m",
    "twenty-one",
    "half a percent",
    '"We will not stop," said Jane Doe.',
    "“It is over”, officials said",
    "‘yes’",
    "Mr. Xi",
    "the ministry said",
    "did not",
    "was killed",
    ", ",
    ". ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " ",
    "=SUM(1,2)",
    "[/]",
    "\x1b[2J",
)

news_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=30).map(
    "".join
)

anchors = st.one_of(st.none(), st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31)))
