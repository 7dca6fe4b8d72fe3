"""Data layer: raw inputs, the declared table schemas and the read-only accessor of processed tables."""
