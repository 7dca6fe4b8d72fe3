"""A real app process on 127.0.0.1 and Debian's headless Chromium driven by Playwright (no browser download)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SCREENSHOTS = ROOT / "tests" / "screenshots"
AXE = ROOT / ".venv" / "npm" / "node_modules" / "axe-core" / "axe.min.js"  # installed by `make npm`
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SIZES = {"desktop": (1440, 900), "phone": (390, 844)}


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make system` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


def wait_until(page, script: str, arg=None, timeout: float = 15.0) -> None:  # noqa: ANN001
    """Poll a JS function from Python: Playwright's wait_for_function evaluates strings in the page, which the
    app's Content-Security-Policy (rightly) forbids."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(script, arg):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for: {script}")
        time.sleep(0.05)


class Watched:
    """A page that records console errors and every request, for the checks every browser test makes."""

    def __init__(self, page, base: str):
        self.page, self.base = page, base
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))

    def open(self, path: str) -> None:
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("networkidle")

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(("http://127.0.0.1", "data:", "blob:", "about:"))]


@pytest.fixture(params=list(SIZES))
def size(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def server(live_app) -> str:
    return live_app


@pytest.fixture
def watched(browser, server, request):
    width, height = SIZES[getattr(request, "param", "desktop")] if hasattr(request, "param") else SIZES["desktop"]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = Watched(context.new_page(), server)
    yield page
    context.close()
    assert not page.errors, page.errors
    assert not page.foreign_requests(), page.foreign_requests()


def axe_violations(page) -> list[dict]:  # noqa: ANN001 - a Playwright page
    """axe-core's WCAG 2.1 A and AA rules on the page as rendered, after the accessibility repairs have run."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: `make npm` installs axe-core")
    page.wait_for_timeout(300)  # let the accessibility repairs (layouts/assets/a11y.js) run
    page.evaluate(AXE.read_text(encoding="utf-8"))  # evaluated by the DevTools protocol, not as page script
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations.map("
        "v => ({rule: v.id, impact: v.impact, where: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))",
        WCAG_21_AA,
    )
