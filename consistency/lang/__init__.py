"""What the code knows about English and the calendar, below every stage.

Nothing here imports from the pipeline (ingest, extract, join, checks, report):
every stage may read it. Word lists live as data files in ``data/`` and are
read through :mod:`consistency.lang.vocab`.
"""
