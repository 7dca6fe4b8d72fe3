"""Progress lines on long work: none for short work, plain lines (not a redrawn bar) when stderr is a log."""

from data.progress import progress, stages


def test_short_work_prints_nothing(capsys):
    assert list(progress(range(5), 5, "reading claims")) == list(range(5))
    assert capsys.readouterr().err == ""


def test_long_work_in_a_log_prints_ten_plain_lines(capsys):
    total = 200_000
    assert sum(1 for _ in progress(range(total), total, "reading claims")) == total
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 10 and lines[-1] == "reading claims: 200,000 of 200,000 (100%)"
    assert all("\r" not in line for line in lines)


def test_long_work_in_steps_names_each_step_in_a_log(capsys):
    assert list(stages(["reading", "reconciling"], "building 200,000 claims", 200_000)) == ["reading", "reconciling"]
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "building 200,000 claims: reading (step 1 of 2)",
        "building 200,000 claims: reconciling (step 2 of 2)",
    ]


def test_short_work_in_steps_prints_nothing(capsys):
    assert list(stages(["reading"], "building 10 claims", 10)) == ["reading"]
    assert capsys.readouterr().err == ""
