"""Command line: python -m loaders build | check | audit | package --out FILE.zip | unodc FILE | extract FILE ..."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from loaders.build import build, validate
from loaders.errors import BuildError
from loaders.summary import summarise

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders", description=__doc__)
    parser.add_argument("--raw", type=Path, default=ROOT / "data" / "raw", help="raw input folder")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="folder holding processed/ and builds/")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("build", help="validate data/raw and publish data/processed atomically")
    commands.add_parser("check", help="validate data/raw without writing anything")
    audit = commands.add_parser("audit", help="print N random claims as a checklist for re-checking at their sources")
    audit.add_argument("--sample", type=int, default=40, help="number of claims (default 40)")
    audit.add_argument("--seed", type=int, default=1, help="random seed: the same seed gives the same claims")
    package = commands.add_parser("package", help="write the evidence pack (CSV, datapackage.json, citation) as a zip")
    package.add_argument("--out", type=Path, required=True, help="zip file to write")
    unodc = commands.add_parser("unodc", help="import a UNODC drug-seizures export into data/raw")
    unodc.add_argument("export", type=Path, help="JSON, CSV or XLSX export of the UNODC Data Portal")
    unodc.add_argument("--countries", default="IRQ", help="ISO3 codes to keep, comma-separated")
    extract = commands.add_parser("extract", help="list candidate claims in an English or Arabic article (plain text)")
    extract.add_argument("file", type=Path, help="the article as UTF-8 plain text")
    extract.add_argument(
        "--published", type=_iso_date, help="publication date, YYYY-MM-DD (without it relative periods need_date)"
    )
    extract.add_argument(
        "--lang",
        choices=("en", "ar"),
        help="the article's language (default: detected from its letters; the rules read both languages either way)",
    )
    extract.add_argument("--json", action="store_true", help="print JSON instead of a table")
    extract.add_argument("--append", metavar="SOURCE_ID", help="add the candidates to claims/extracted.csv for review")
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except BuildError as error:
        print(f"build failed: {len(error.problems)} problem(s); data/processed is unchanged", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    if args.command == "build":
        result = build(args.raw, args.data)
        print(summarise(result.tables, result.version))
        for problem in result.repaired:
            print(f"repaired: {problem}; the version folder was rewritten")
        print(f"wrote {args.data / 'processed'} -> {result.path}")
    elif args.command == "check":
        tables = validate(args.raw)
        print(summarise(tables, "(not written)"))
    elif args.command == "audit":
        from loaders.audit import run

        print(run(args.raw, args.sample, args.seed), end="")
    elif args.command == "package":
        from data.package import evidence_pack
        from data.store import snapshot

        data = snapshot(args.data)
        args.out.write_bytes(evidence_pack(data))
        print(f"wrote {args.out} (data version {data.version})")
    elif args.command == "unodc":
        from loaders.importers.unodc import run

        print(run(args.export, args.raw, tuple(args.countries.split(","))))
    elif args.command == "extract":
        from loaders.extract.report import run

        return run(args.file, args.published, args.raw, args.json, args.append, args.lang)
    return 0


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None


if __name__ == "__main__":
    sys.exit(main())
