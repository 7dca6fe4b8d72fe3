"""Dash pages, one module per page, each with its callbacks beside its layout."""
