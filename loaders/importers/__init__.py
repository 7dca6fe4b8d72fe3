"""Importers of outside datasets into the raw ledger or data folder: UNODC's seizures export (unodc.py) and the
geoBoundaries governorate outlines (boundaries.py, `python -m loaders.boundaries`)."""
