"""The audit command: the same seed gives the same sample, with what a checker needs for each claim."""

from loaders.__main__ import main
from tests.conftest import RAW


def audit(capsys, *args: str) -> str:
    assert main(["--raw", str(RAW), "audit", *args]) == 0
    return capsys.readouterr().out


def test_same_seed_same_sample_other_seed_other_sample(capsys):
    first = audit(capsys, "--sample", "5", "--seed", "7")
    assert first == audit(capsys, "--sample", "5", "--seed", "7")
    assert first != audit(capsys, "--sample", "5", "--seed", "8")


def test_each_claim_has_url_value_period_place_scope_and_note(capsys):
    text = audit(capsys, "--sample", "3", "--seed", "1")
    assert text.startswith("## Audit sample: 3 claims, seed 1")
    for field in ("value as written:", "period as written:", "place as written:", "URL: http", "note:", "verdict:"):
        assert text.count(field) == 3, field
    assert text.count("(whole place)") + text.count("(part: ") == 3
