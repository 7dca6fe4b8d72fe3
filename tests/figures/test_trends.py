import pandas as pd

from figures.selection import trend_rows
from figures.trends import make_trend_figure, trend_caption

NAMES = {"IQ": "Iraq", "IQ-KR": "Kurdistan Region"}


def build(tables, indicator="arrests"):
    rows = trend_rows(tables, indicator, "all", list(NAMES))
    caption = trend_caption(rows, "Arrests", "persons", NAMES, 0, "v1", "http://x")
    return rows, make_trend_figure(rows, NAMES, "persons", caption)


def test_partial_periods_are_hollow_unlabelled_and_never_joined(tables):
    _, figure = build(tables)
    partial = [t for t in figure.data if t.name.endswith("(partial period)")]
    assert partial and all(t.mode == "markers" and not t.text for t in partial)
    assert all(set(t.marker.symbol) <= {"circle-open", "triangle-up-open", "triangle-down-open"} for t in partial)


def test_lines_are_named_at_their_ends_not_in_a_legend(tables):
    _, figure = build(tables)
    labels = {a.text for a in figure.layout.annotations if a.name == "line-label"}
    assert labels == {"<b>Iraq</b>", "<b>Kurdistan Region</b>"}
    assert not any(t.showlegend for t in figure.data if t.name in ("Iraq", "Kurdistan Region"))


def test_bounds_are_drawn_as_carets(tables):
    rows, figure = build(tables)
    bounded = rows[rows["qualifier"].isin(["more_than", "at_least"])]
    symbols = [s for t in figure.data if isinstance(t.marker.symbol, tuple) for s in t.marker.symbol]
    assert len(bounded) and symbols.count("triangle-up-open") >= len(bounded)


def test_places_ten_times_apart_get_a_panel_each_unless_asked(tables):
    names = {"IQ": "Iraq", "IQ-KI": "Kirkuk"}
    rows = trend_rows(tables, "arrests", "all", list(names))
    caption = trend_caption(rows, "Arrests", "persons", names, 0, "v1", "")
    assert make_trend_figure(rows, names, "persons", caption).layout.meta["panels"]
    assert not make_trend_figure(rows, names, "persons", caption, scale="shared").layout.meta["panels"]
    assert make_trend_figure(rows, names, "persons", caption, scale="log").layout.yaxis.type == "log"


def test_year_to_date_panel_has_a_line_per_year(tables):
    from figures.ytd import make_ytd_figure, ytd_caption, ytd_rows

    rows = ytd_rows(tables, "arrests", "all", "IQ")
    figure = make_ytd_figure(rows, "Iraq", "persons", ytd_caption(rows, "Arrests", "Iraq", "persons", "v", ""))
    years = {t.name for t in figure.data}
    assert {"2023", "2024"} <= years
    for trace in figure.data:
        assert list(trace.x) == sorted(trace.x), "a year's line runs forward in time"


def test_lines_join_only_consecutive_full_years(tables):
    rows, figure = build(tables)
    line = next(t for t in figure.data if t.name == "Kurdistan Region")
    xs = list(line.x)
    years = [pd.Timestamp(x).year if x is not None else None for x in xs]
    for a, b in zip(years, years[1:], strict=False):
        if a is not None and b is not None:
            assert b - a == 1, f"{a} joined to {b}"


def test_conflicts_show_as_a_range_around_the_preferred_value(tables):
    _, figure = build(tables)
    iraq = next(t for t in figure.data if t.name == "Iraq")
    assert iraq.error_y.visible and max(iraq.error_y.array) > 0


def test_hover_names_the_source_and_period(tables):
    _, figure = build(tables)
    texts = [t for trace in figure.data for t in (trace.hovertext or []) if t]
    assert texts and all("Source: " in t for t in texts)


# Arabic and Sorani: these hold once the catalogs are translated (untranslated messages show English until then).
ARABIC_INDIC = set("٠١٢٣٤٥٦٧٨٩")


def build_in(tables, lang, names=("IQ", "IQ-KR"), indicator="arrests"):
    from figures.i18n import NAME_COLUMN

    column = tables.geographies.set_index("code")[NAME_COLUMN[lang]]
    local = {code: column[code] for code in names}
    rows = trend_rows(tables, indicator, "all", list(local))
    parts = trend_rows(tables, indicator, "all", list(local), scope="part")
    caption = trend_caption(rows, "الاعتقالات", "persons", local, 0, "v1", "http://x/trends?a", len(parts), lang=lang)
    return rows, local, caption, make_trend_figure(rows, local, "persons", caption, parts=parts, lang=lang)


def test_arabic_trend_names_places_in_arabic_with_arabic_indic_years(tables):
    rows, names, caption, figure = build_in(tables, "ar")
    assert caption.lang == "ar" and all(name in caption.title for name in names.values())
    assert figure.layout.meta["lang"] == "ar"
    texts = [t for trace in figure.data for t in (trace.hovertext or []) if t]
    assert texts and all(any(c in ARABIC_INDIC for c in t) for t in texts), "periods are written in Arabic-Indic digits"
    assert any(c in ARABIC_INDIC for c in caption.notes[0]), "the years listed in the caption"
    labels = {a.text for a in figure.layout.annotations if a.name == "line-label"}
    assert labels == {f"<b>{name}</b>" for name in names.values()}


def test_arabic_trend_leaves_out_the_ledgers_english_notes(tables):
    rows, _, _, figure = build_in(tables, "ar")
    texts = [t for trace in figure.data for t in (trace.hovertext or []) if t]
    assert not any("Why:" in t for t in texts), "the preference reason is English only"
    notes = {n for n in rows["scope_note"].dropna() if n} | {r for r in rows["preference_reason"].dropna() if r}
    assert not any(note in t for t in texts for note in notes)


def test_arabic_trend_is_mirrored_except_for_time(tables):
    from figures.i18n import year

    _, _, _, figure = build_in(tables, "ar")
    assert figure.layout.yaxis.side == "right"
    assert figure.layout.legend.xanchor == "right" and figure.layout.legend.x == 1
    assert figure.layout.hoverlabel.align == "right"
    # Each line is named at its first point, in the left margin the axis has freed.
    labels = [a for a in figure.layout.annotations if a.name == "line-label"]
    assert labels and all(a.xanchor == "right" and a.xshift < 0 for a in labels)
    assert figure.layout.margin.l >= 100
    # Time still runs left to right; the years on the axis are written in Arabic-Indic digits.
    ticks = figure.layout.xaxis
    assert list(ticks.tickvals) == sorted(ticks.tickvals)
    assert list(ticks.ticktext) == [year(v.year, "ar") for v in ticks.tickvals]
    assert all(set(t) <= ARABIC_INDIC for t in ticks.ticktext)


def test_arabic_panels_are_named_at_their_top_right(tables):
    _, _, _, figure = build_in(tables, "ar", names=("IQ", "IQ-KI"))
    assert figure.layout.meta["panels"]
    labels = [a for a in figure.layout.annotations if a.name == "line-label"]
    assert labels and all(a.x == 1 and a.xanchor == "right" for a in labels)
    assert figure.layout.yaxis.side == figure.layout.yaxis2.side == "right"


def test_english_trend_keeps_its_left_to_right_layout(tables):
    _, figure = build(tables)
    assert figure.layout.yaxis.side is None and figure.layout.xaxis.ticktext is None
    assert all(a.xanchor == "left" for a in figure.layout.annotations if a.name == "line-label")


def test_arabic_year_to_date_names_months_and_years_in_arabic(tables):
    from figures.i18n import month_names, year
    from figures.ytd import make_ytd_figure, ytd_caption, ytd_rows

    rows = ytd_rows(tables, "arrests", "all", "IQ")
    caption = ytd_caption(rows, "الاعتقالات", "العراق", "persons", "v", "", lang="ar")
    figure = make_ytd_figure(rows, "العراق", "persons", caption, lang="ar")
    axis = figure.layout.xaxis
    assert axis.tickformat is None, "Plotly's %b would print English month names"
    months = month_names("ar")
    assert list(axis.ticktext) == [months[v.month] for v in axis.tickvals]
    assert [v.day for v in axis.tickvals] == [1] * len(axis.tickvals) and len(axis.tickvals) >= 4
    assert figure.layout.yaxis.side == "right"
    assert {t.name for t in figure.data} >= {year(2023, "ar"), year(2024, "ar")}
    assert all(set(t.name) <= ARABIC_INDIC for t in figure.data)
    assert caption.lang == "ar" and set(caption.subtitle.split(" · ")[-1]) <= ARABIC_INDIC | {"–"}
    hovers = [t for trace in figure.data for t in trace.hovertext]
    assert hovers and all(any(c in ARABIC_INDIC for c in t) for t in hovers)


def test_english_year_to_date_keeps_plotlys_month_ticks(tables):
    from figures.ytd import make_ytd_figure, ytd_caption, ytd_rows

    rows = ytd_rows(tables, "arrests", "all", "IQ")
    figure = make_ytd_figure(rows, "Iraq", "persons", ytd_caption(rows, "Arrests", "Iraq", "persons", "v", ""))
    assert figure.layout.xaxis.tickformat == "%b" and figure.layout.xaxis.ticktext is None


def test_arabic_values_use_arabic_indic_digits(tables):
    from figures.selection import format_value

    assert not set(format_value(5285, "exact", unit="persons", lang="ar")) & set("0123456789")
    _, _, _, figure = build_in(tables, "ar")
    values = [t.split("<br>")[1] for trace in figure.data for t in (trace.hovertext or []) if t]
    assert values and not any(set(v) & set("0123456789") for v in values)
