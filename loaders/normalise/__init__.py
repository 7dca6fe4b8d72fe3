"""Normalisers shared by the ledger build, extraction and importers: written values ("more than 3 t 24 kg"),
units, periods ("first ten months of 2023") and places (English, Arabic and Kurdish names)."""
