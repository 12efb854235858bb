"""Remake the README's two screenshots: docs/seed-view.png and docs/report.png.

    .venv/bin/python docs/screenshots.py      # needs chromium; runs the pipeline on corpus/samples
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from pipeline.batch import BatchOptions, run_batch
from pipeline.report import report_page
from pipeline.view import article_page
from pipeline.writers import read_records

ROOT = Path(__file__).resolve().parents[1]


def screenshot(page: Path, png: Path, height: int) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--window-size=1280,{height}", f"--screenshot={png}", page.as_uri()], check=True, capture_output=True)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        records = Path(tmp) / "records.jsonl"
        run_batch([str(ROOT / "corpus" / "samples")], records, BatchOptions(jobs=1, progress=False))
        seed = next(r for r in read_records(records) if r["id"] == "seed-article")
        view, report = Path(tmp) / "seed.html", Path(tmp) / "report.html"
        view.write_text(article_page(seed), encoding="utf-8")
        report.write_text(report_page(records), encoding="utf-8")
        screenshot(view, ROOT / "docs" / "seed-view.png", 900)
        screenshot(report, ROOT / "docs" / "report.png", 1400)


if __name__ == "__main__":
    main()
