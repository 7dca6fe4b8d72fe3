"""Loaders: normalise published figures (claims) from data/raw into the Parquet tables of data/processed."""
