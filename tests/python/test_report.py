"""The self-contained HTML report: content, no external resources, escaping, CLI, and a real
headless-Chromium load with no console errors."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import presslens
from presslens import Corpus
from presslens.cli import main
from presslens.datasets import load_demo
from presslens.report import build_report, write_report


@pytest.fixture(scope="module")
def demo_html() -> str:
    return build_report(load_demo())


def test_report_has_every_section(demo_html: str) -> None:
    for key in (
        "corpus",
        "cleaning",
        "outlets",
        "terms",
        "summary",
        "overlap",
        "passages",
        "quotes",
    ):
        assert f'<section id="{key}">' in demo_html
    assert "Summary (lexrank)" in demo_html
    assert "Quote clusters:" in demo_html
    assert "Halvard Ostrin" in demo_html  # the demo story's most quoted speaker
    for outlet in load_demo().outlets:
        assert outlet in demo_html


def test_report_is_self_contained(demo_html: str) -> None:
    assert "<script" not in demo_html.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", demo_html)
    assert "@import" not in demo_html
    assert "url(" not in demo_html


def test_report_escapes_document_text() -> None:
    corpus = Corpus(
        [
            {"text": "<script>alert(1)</script> Talks stalled on Monday, officials said. "
             "The port stayed shut.", "outlet": "<b>a</b>"},
            {"text": "Talks stalled on Monday, officials said. The union disagreed.",
             "outlet": "b.com"},
        ]
    )  # fmt: skip
    html = build_report(corpus)
    assert "<script>" not in html
    assert "<b>a</b>" not in html
    assert "&lt;script&gt;" in html


def test_report_bad_input() -> None:
    with pytest.raises(presslens.EmptyCorpusError, match="at least one document"):
        build_report(Corpus([]))
    with pytest.raises(presslens.InvalidArgumentError, match="max_words"):
        build_report(load_demo(), max_words=0)
    # No outlets at all: still a report, without the overlap section.
    html = build_report(Corpus(["Talks stalled on Monday, officials said.", "Talks resumed."]))
    assert '<section id="overlap">' not in html
    assert '<section id="summary">' in html


def test_cli_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.html"
    assert main(["report", "--demo", "-o", str(out)]) == 0
    assert "wrote" in capsys.readouterr().out
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks stalled on Monday, officials said.", encoding="utf-8")
    assert main(["report", str(folder), "-o", str(tmp_path / "b.html"), "--raw"]) == 0
    with pytest.raises(SystemExit):
        main(["report", "-o", str(out)])  # neither PATH nor --demo
    assert main(["report", str(tmp_path / "missing"), "-o", str(out)]) == 2


def _browser() -> tuple[str, str]:
    chrome = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if chrome is None or driver is None:
        pytest.skip(
            "headless Chromium not installed (Debian: apt-get install chromium chromium-driver; "
            ".ci/run installs them)"
        )
    return chrome, driver


def test_report_loads_in_headless_chromium_without_console_errors(tmp_path: Path) -> None:
    chrome, driver_path = _browser()
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    path = write_report(load_demo(), tmp_path / "report.html")
    options = webdriver.ChromeOptions()
    options.binary_location = chrome
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        browser.get(path.resolve().as_uri())
        assert browser.title == "presslens report"
        summary = browser.find_element(By.ID, "summary")
        assert summary.is_displayed()
        assert "Summary (lexrank)" in summary.text
        rows = summary.find_elements(By.CSS_SELECTOR, "tbody tr")
        assert len(rows) >= 2
        errors = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
        assert errors == []
    finally:
        browser.quit()
