"""Figures: pure functions from tables and options to plotly Figures, styled by one template."""
