"""Self-citing images: preset sizes, not blank, footer text inside; clear failures without Chromium or on timeout."""

import re
import struct
import threading
import time
import zlib

import pytest

from figures import export
from figures.export import PRESETS, ExportError, render, safe_filename
from figures.geometry import tile_grid
from figures.selection import MapOptions
from figures.views import map_view, trend_view


@pytest.fixture(scope="module")
def map_shown(tables):
    return map_view(
        tables, MapOptions("arrests", year=2024), tile_grid(), "v-test", "https://example.org/map?year=2024"
    )


def png_size(payload: bytes) -> tuple[int, int]:
    assert payload[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", payload[16:24])


def png_pixels(payload: bytes) -> bytes:
    chunks, position = [], 8
    while position < len(payload):
        length, kind = struct.unpack(">I4s", payload[position : position + 8])
        if kind == b"IDAT":
            chunks.append(payload[position + 8 : position + 8 + length])
        position += 12 + length
    return zlib.decompress(b"".join(chunks))


@pytest.mark.parametrize(("preset", "size"), [("web", (1200, 675)), ("square", (1080, 1080)), ("print", (2400, 1350))])
def test_png_has_the_preset_size_and_is_not_blank(map_shown, preset, size):
    payload = render(map_shown, "png", preset)
    assert png_size(payload) == size
    assert len(set(png_pixels(payload)[::97])) > 20, "the image has content, not one flat colour"


def test_svg_footer_cites_source_version_and_view(map_shown, tables):
    svg = render(map_shown, "svg", "web").decode()
    for text in (
        "Source: ",
        "Data version v-test",
        "https://example.org/map?year=2024",
        "People arrested on drug charges, 2024",
        "of 19 governorates",
    ):
        assert text in svg.replace("&amp;", "&"), text
    assert "modebar" not in svg


def test_trend_image_names_partial_periods(tables):
    shown = trend_view(tables, "arrests", "all", ["IQ", "IQ-KR"], "v-test", "http://x/trends")
    svg = render(shown, "svg", "square").decode()
    assert "Partial periods" in svg and "hollow markers" in svg and "Data version v-test" in svg


def test_without_chromium_export_explains(map_shown, monkeypatch):
    monkeypatch.setattr(export.shutil, "which", lambda name: None)
    with pytest.raises(ExportError, match="needs Chromium"):
        render(map_shown, "png", "web")


def test_a_slow_render_is_abandoned_with_a_message(map_shown, monkeypatch):
    monkeypatch.setattr(export, "TIMEOUT_SECONDS", 0.2)
    renderer = export._Renderer()
    monkeypatch.setattr(renderer, "_render_now", lambda *args: time.sleep(1) or b"")
    with pytest.raises(ExportError, match="took longer than"):
        renderer.render(export.export_figure(map_shown, "web"), "png", 1)


def test_renders_beyond_the_pool_and_its_queue_are_turned_away(map_shown, monkeypatch):
    renderer = export._Renderer(concurrency=1, queue=1)
    release = threading.Event()
    monkeypatch.setattr(renderer, "_render_now", lambda *args: release.wait(5) and b"png")
    figure = export.export_figure(map_shown, "web")
    results: list = []
    waiting = [threading.Thread(target=lambda: results.append(renderer.render(figure, "png", 1))) for _ in range(2)]
    for thread in waiting:
        thread.start()
    time.sleep(0.2)  # one rendering, one queued: the third finds no place
    with pytest.raises(export.ExportBusy, match="try again in") as busy:
        renderer.render(figure, "png", 1)
    assert busy.value.retry_after > 0
    release.set()
    for thread in waiting:
        thread.join(5)
    assert results == [b"png", b"png"]
    assert renderer.render(figure, "png", 1) == b"png"  # places are given back


def test_kaleido_is_started_once_and_reused(map_shown, monkeypatch):
    import kaleido

    render(map_shown, "svg", "web")
    calls = []
    monkeypatch.setattr(kaleido, "start_sync_server", lambda *a, **k: calls.append(1))
    render(map_shown, "svg", "web")
    assert not calls


@pytest.mark.parametrize(
    ("parts", "name"),
    [
        (("iraq", "arrests", 2024), "iraq-arrests-2024"),
        (("../../etc/passwd",), "etc-passwd"),
        (("a b", "<script>"), "a-b-script"),
        (("",), "figure"),
    ],
)
def test_download_names_are_sanitised(parts, name):
    assert safe_filename(*parts) == name


def test_unknown_preset_is_refused(map_shown):
    with pytest.raises(ExportError, match="unknown format"):
        render(map_shown, "gif", "web")
    assert set(PRESETS) == {"web", "square", "print"}


def test_batch_images_print_site_url_or_no_address(tables, monkeypatch):
    from figures.batch import _public

    monkeypatch.delenv("SITE_URL", raising=False)
    assert _public("/map?indicator=arrests") == ""
    monkeypatch.setenv("SITE_URL", "https://example.org/")
    assert _public("/map?indicator=arrests") == "https://example.org/map?indicator=arrests"


def text_sizes(svg: str) -> list[tuple[str, float]]:
    """(class, font size in image pixels) of every text element of an exported SVG."""
    found = []
    for attrs in re.findall(r"<text([^>]*)>", svg):
        size = re.search(r"font-size:\s*([\d.]+)px", attrs)
        kind = re.search(r'class="([^"]*)"', attrs)
        assert size, f"a text without a font size: {attrs[:80]}"
        found.append((kind[1] if kind else "", float(size[1])))
    return found


@pytest.mark.parametrize("preset", list(PRESETS))
@pytest.mark.parametrize("page", ["map", "trends"])
def test_type_reads_at_the_size_each_preset_is_shown(tables, preset, page):
    """Seen at the preset's display width: title >= 18 px, labels and values >= 12 px, source and notes >= 10 px."""
    shown = (
        map_view(tables, MapOptions("arrests", year=2021), tile_grid(), "v", "")
        if page == "map"
        else trend_view(tables, "arrests", "all", ["IQ", "IQ-KR", "IQ-BA"], "v", "")
    )
    factor = PRESETS[preset].factor
    sizes = text_sizes(render(shown, "svg", preset).decode())
    assert sizes
    for kind, size in sizes:
        seen = size * factor
        minimum = 18 if kind == "gtitle" else 10 if kind == "annotation-text" else 12
        assert seen >= minimum - 0.01, f"{preset} {page}: {kind or 'text'} at {size}px shows at {seen:.1f}px"


def test_exports_never_print_a_local_address(tables, monkeypatch):
    """Without SITE_URL a view has no public address (layouts test the Host header); the image prints none."""
    monkeypatch.delenv("SITE_URL", raising=False)
    for shown in (
        map_view(tables, MapOptions("arrests", year=2021), tile_grid(), "v", ""),
        trend_view(tables, "arrests", "all", ["IQ"], "v", ""),
    ):
        svg = render(shown, "svg", "web").decode()
        assert "127.0.0.1" not in svg and "localhost" not in svg and "http" not in svg.split("</defs>")[-1]


@pytest.mark.parametrize("lang", ["ar", "ckb"])
def test_arabic_script_svg_names_the_indicator_and_places_in_an_arabic_font(tables, boundary_document, lang):
    """The exported map in Arabic or Kurdish: the indicator's title and the governorates' names in that language,
    drawn in the Arabic-script font the export names first (Chromium shapes the text with it)."""
    from figures.geometry import from_boundaries
    from figures.i18n import LABEL_COLUMN, NAME_COLUMN

    options = MapOptions("arrests", year=2024, lang=lang)
    svg = render(map_view(tables, options, from_boundaries(boundary_document), "v-test", ""), "svg", "web").decode()
    title = tables.indicators.set_index("indicator_id").loc["arrests", LABEL_COLUMN[lang]]
    governorates = tables.geographies[tables.geographies["level"] == "governorate"]
    assert title in svg
    assert sum(name in svg for name in governorates[NAME_COLUMN[lang]]) >= 2
    fonts = set(re.findall(r"font-family:\s*&quot;?([^;&\"]+)", svg)) | set(
        re.findall(r"font-family: ?'?([^;']+)", svg)
    )
    assert fonts and all(f.strip().startswith(("Noto Sans Arabic", '"Noto Sans Arabic"')) for f in fonts), fonts
