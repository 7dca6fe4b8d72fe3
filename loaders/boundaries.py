"""`python -m loaders.boundaries`, kept as the public command; the importer lives in loaders/importers/boundaries.py."""

from loaders.importers.boundaries import main

if __name__ == "__main__":
    raise SystemExit(main())
