"""Every malformed input fails the build with file:line: field: message and leaves the last good tables."""

import csv
import io
from pathlib import Path

import pytest

from data.store import snapshot
from loaders.build import build
from loaders.errors import BuildError

GOOD_CLAIM = {
    "claim_id": "test-0001",
    "source_id": "tnr-3925",
    "indicator_id": "arrests",
    "drug_id": "all",
    "place": "Basra",
    "value": "1,019",
    "unit": "persons",
    "period": "CY 2024",
    "period_start": "2024-01-01",
    "period_end": "2024-12-31",
    "scope": "whole",
    "scope_note": "",
    "same_as": "",
    "distinct_because": "",
    "note": "test row",
    "review": "",
}
GOOD_SOURCE = {
    "source_id": "test-source",
    "publisher": "Test",
    "title": "Test",
    "url": "https://example.org/test",
    "language": "en",
    "published": "2024-01-02",
    "published_how": "stated",
    "accessed": "",
    "source_type": "media_report",
    "authority": "",
    "relays": "",
    "note": "",
}


def csv_line(row: dict) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(row.values())
    return buffer.getvalue()


def append(path: Path, text: str) -> int:
    """Append text to a raw file; return the line number the text starts on."""
    existing = path.read_text(encoding="utf-8")
    path.write_text(existing + text, encoding="utf-8")
    return existing.count("\n") + 1


CLAIM_CASES = [
    ({"place": "Atlantis"}, "place: unknown place 'Atlantis'; closest known names"),
    ({"indicator_id": "arrestz"}, "indicator_id: unknown indicator 'arrestz'"),
    ({"drug_id": "unobtainium"}, "drug_id: unknown drug 'unobtainium'"),
    ({"value": "-1,019"}, "value: negative value"),
    ({"value": "many"}, "value: cannot read 'many' as a number"),
    ({"value": ""}, "value: empty value"),
    (
        {"period_start": "2024-12-31", "period_end": "2024-01-01", "period": "late 2024"},
        "period_end: 2024-01-01 is before",
    ),
    ({"period_end": "31/12/2024"}, "period_end: date '31/12/2024' is not YYYY"),
    ({"period_end": "2024-02-30", "period_start": "", "period": "odd"}, "period_end: date '2024-02-30' does not exist"),
    ({"period": "CY 2023"}, "period: 'CY 2023' reads as 2023-01-01..2023-12-31, not 2024-01-01..2024-12-31"),
    ({"period": "sometime", "period_start": "", "period_end": ""}, "period_end: required: cannot read dates"),
    ({"source_id": "no-such-source"}, "source_id: unknown source 'no-such-source'"),
    ({"unit": "furlongs"}, "unit: unknown unit 'furlongs'"),
    ({"unit": "pills"}, "unit: unit 'pills' is pills, but the indicator is measured in persons"),
    ({"claim_id": "Bad Id"}, "claim_id: 'Bad Id' is not an id"),
    ({"claim_id": "seed-0001"}, "claim_id: duplicate 'seed-0001' (first at claims/seed.csv:2)"),
    ({"review": "maybe"}, "review: 'maybe' is not one of"),
    ({"scope": "partial"}, "scope: 'partial' is not one of whole, part"),
    ({"scope": "part"}, "scope_note: required when scope is part"),
    ({"same_as": "no-such-claim"}, "same_as: unknown claim 'no-such-claim'"),
    ({"same_as": "test-0001"}, "same_as: a claim cannot be the same as itself"),
]


@pytest.fixture
def good_build(raw_copy: Path, tmp_path: Path):
    data_dir = tmp_path / "data"
    result = build(raw_copy, data_dir)
    return raw_copy, data_dir, result


def assert_fails_and_keeps_tables(raw: Path, data_dir: Path, previous, expected: str) -> None:
    before = {name: snapshot(data_dir).table(name).copy() for name in ("claims", "observations")}
    with pytest.raises(BuildError) as failure:
        build(raw, data_dir)
    assert expected in str(failure.value), str(failure.value)
    assert (data_dir / "processed").resolve() == previous.path.resolve()
    for name, frame in before.items():
        assert snapshot(data_dir).table(name).equals(frame)


@pytest.mark.parametrize(
    ("change", "message"), CLAIM_CASES, ids=[m.split(":")[0] + "-" + str(i) for i, (_, m) in enumerate(CLAIM_CASES)]
)
def test_bad_claim_field(good_build, change, message):
    raw, data_dir, previous = good_build
    line = append(raw / "claims" / "seed.csv", csv_line(GOOD_CLAIM | change))
    assert_fails_and_keeps_tables(raw, data_dir, previous, f"claims/seed.csv:{line}: {message}")


SOURCE_CASES = [
    ({"url": "example.org"}, "url: 'example.org' is not an http(s) address"),
    ({"url": "https://thenewregion.com/posts/3925"}, "url: duplicate"),
    ({"published_how": "guessed"}, "published_how: 'guessed' is not one of"),
    ({"published": "", "published_how": "stated"}, "published: give a date unless published_how is unknown"),
    ({"published": "2024-99"}, "published: date '2024-99' does not exist"),
    ({"source_type": "blog"}, "source_type: 'blog' is not one of"),
    ({"language": "english"}, "language: 'english' is not one of"),
    ({"relays": "no-such-source"}, "relays: unknown source 'no-such-source'"),
    ({"relays": "test-source"}, "relays: a source cannot relay itself"),
]


@pytest.mark.parametrize(("change", "message"), SOURCE_CASES)
def test_bad_source_field(good_build, change, message):
    raw, data_dir, previous = good_build
    line = append(raw / "sources" / "sources.csv", csv_line(GOOD_SOURCE | change))
    assert_fails_and_keeps_tables(raw, data_dir, previous, f"sources/sources.csv:{line}: {message}")


def test_broken_quoting_names_the_line(good_build):
    raw, data_dir, previous = good_build
    line = append(raw / "claims" / "seed.csv", 'test-0002,tnr-3925,arrests,all,Basra,"1,019,persons,CY 2024,,,x,\n')
    assert_fails_and_keeps_tables(raw, data_dir, previous, f"claims/seed.csv:{line}: malformed CSV")


def test_wrong_field_count(good_build):
    raw, data_dir, previous = good_build
    line = append(raw / "claims" / "seed.csv", "test-0002,tnr-3925,arrests,all,Basra,1,019,persons,CY 2024,,,x,\n")
    assert_fails_and_keeps_tables(raw, data_dir, previous, f"claims/seed.csv:{line}: 13 fields where the header has 16")


def test_empty_file(good_build):
    raw, data_dir, previous = good_build
    (raw / "claims" / "empty.csv").write_text("", encoding="utf-8")
    assert_fails_and_keeps_tables(raw, data_dir, previous, "claims/empty.csv:1: empty file")


def test_wrong_encoding(good_build):
    raw, data_dir, previous = good_build
    header = ",".join(GOOD_CLAIM) + "\n"
    row = csv_line(GOOD_CLAIM | {"claim_id": "test-0003", "place": "Diyalá"})
    (raw / "claims" / "latin1.csv").write_bytes((header + row).encode("latin-1"))
    assert_fails_and_keeps_tables(raw, data_dir, previous, "claims/latin1.csv:2: not UTF-8 (byte 0xe1)")


def test_missing_header_column(good_build):
    raw, data_dir, previous = good_build
    (raw / "claims" / "short.csv").write_text("claim_id,source_id\nx,y\n", encoding="utf-8")
    assert_fails_and_keeps_tables(raw, data_dir, previous, "claims/short.csv:1: header lacks ['indicator_id'")


def test_bad_reference_vocabulary(good_build):
    raw, data_dir, previous = good_build
    line = append(raw / "indicators.csv", "bogus,Bogus,بوغس,بۆگەس,persons,sometimes,true,x\n")
    assert_fails_and_keeps_tables(raw, data_dir, previous, f"indicators.csv:{line}: kind: 'sometimes' is not one of")


def test_alias_to_unknown_geography(good_build):
    raw, data_dir, previous = good_build
    line = append(raw / "geography_aliases.csv", "Atlantis,IQ-ZZ,variant\n")
    assert_fails_and_keeps_tables(
        raw, data_dir, previous, f"geography_aliases.csv:{line}: code: unknown geography code 'IQ-ZZ'"
    )


def test_every_problem_is_listed_not_just_the_first(good_build):
    raw, data_dir, previous = good_build
    append(raw / "claims" / "seed.csv", csv_line(GOOD_CLAIM | {"place": "Atlantis"}))
    append(raw / "claims" / "seed.csv", csv_line(GOOD_CLAIM | {"claim_id": "test-0002", "value": "many"}))
    with pytest.raises(BuildError) as failure:
        build(raw, data_dir)
    assert len(failure.value.problems) == 2


SAME_FACT_CASES = [
    ({"place": "Maysan"}, "different place"),
    ({"period": "H1 2024", "period_start": "", "period_end": ""}, "different period"),
    ({"scope": "part", "scope_note": "one district"}, "different scope"),
]


@pytest.mark.parametrize(("change", "difference"), SAME_FACT_CASES, ids=[d for _, d in SAME_FACT_CASES])
def test_same_fact_on_two_places_or_periods_fails_naming_both_lines(good_build, change, difference):
    raw, data_dir, previous = good_build
    claims = raw / "claims" / "seed.csv"
    first = append(claims, csv_line(GOOD_CLAIM))
    second = append(claims, csv_line(GOOD_CLAIM | {"claim_id": "test-0002"} | change))
    expected = f"claims/seed.csv:{second}: value: same fact as test-0001 (claims/seed.csv:{first})"
    assert_fails_and_keeps_tables(raw, data_dir, previous, expected)
    with pytest.raises(BuildError) as failure:
        build(raw, data_dir)
    assert difference in str(failure.value)


@pytest.mark.parametrize("marker", [{"same_as": "test-0001"}, {"distinct_because": "two governorates, one figure"}])
def test_same_fact_marked_as_a_copy_or_as_distinct_builds(good_build, marker):
    raw, data_dir, _ = good_build
    claims = raw / "claims" / "seed.csv"
    append(claims, csv_line(GOOD_CLAIM))
    append(claims, csv_line(GOOD_CLAIM | {"claim_id": "test-0002", "place": "Maysan"} | marker))
    built = build(raw, data_dir).tables["claims"].set_index("claim_id")
    assert built.loc["test-0001", "is_preferred"]
    assert built.loc["test-0002", "is_preferred"] == ("distinct_because" in marker)


def test_relayed_statement_counts_as_one_source_for_same_fact(good_build):
    raw, data_dir, previous = good_build
    line = append(raw / "sources" / "sources.csv", csv_line(GOOD_SOURCE | {"relays": "tnr-3925"}))
    assert line
    claims = raw / "claims" / "seed.csv"
    first = append(claims, csv_line(GOOD_CLAIM))
    second = append(
        claims, csv_line(GOOD_CLAIM | {"claim_id": "test-0002", "source_id": "test-source", "place": "Maysan"})
    )
    expected = f"claims/seed.csv:{second}: value: same fact as test-0001 (claims/seed.csv:{first})"
    assert_fails_and_keeps_tables(raw, data_dir, previous, expected)
