"""Extraction: candidate claims read from an article's text, for a person to review (`python -m loaders extract`).

engine.py finds the figures; text, periods, places, indicators, rules and traps read the parts of a sentence;
candidate.py is what comes out; to_ledger.py appends candidates to the raw ledger as `needs_review`; report.py
is the command; score.py scores extraction against annotated texts. Extraction uses the normalisers
(loaders/normalise) but the ledger build never imports extraction.
"""
