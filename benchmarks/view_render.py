"""How long headless Chromium takes to render `khabar view`'s page of news-raw's longest article.

    .venv/bin/python benchmarks/view_render.py            # 3 runs each

It writes the page of the longest article (about 47k characters) and of the seed article, then
times `chromium --headless --dump-dom` on each, side by side in one run: the difference is the
rendering cost of the long page over Chromium's start-up (issue 18 asks for under 2 s).
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import orjson

from pipeline.core import load
from pipeline.view import article_page

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "corpora" / "news-raw"


def longest_article() -> dict:
    """The longest article of news-raw (id and text)."""
    rows = (orjson.loads(line) for name in sorted(NEWS.glob("*.jsonl.gz")) for line in gzip.open(name, "rb"))
    return max(rows, key=lambda row: len(row["text"]))


def render_seconds(chromium: str, page: Path) -> float:
    started = time.perf_counter()
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("chromium is not installed")
    pipeline = load()
    row = longest_article()
    pages = {
        f"longest ({row['id']}, {len(row['text'])} chars)": pipeline.process(row["text"], row["id"]).to_dict(),
        "seed article": pipeline.process((ROOT / "corpus" / "samples" / "seed-article.txt").read_text(encoding="utf-8")).to_dict(),
    }
    with tempfile.TemporaryDirectory() as tmp:
        times = {}
        for i, (name, record) in enumerate(pages.items()):
            path = Path(tmp) / f"{i}.html"
            path.write_text(article_page(record), encoding="utf-8")
            times[name] = [render_seconds(chromium, path) for _ in range(args.runs)]
            print(f"{name}: {path.stat().st_size / 1024:.0f} KB, {len(record['quotes'])} quotes, "
                  f"{len(record['figures'])} figures; chromium --dump-dom median {statistics.median(times[name]):.2f} s")
        long, short = (statistics.median(t) for t in times.values())
        print(f"long page over the seed's (Chromium start-up cancels out): +{long - short:.2f} s; ratio {long / short:.2f}x")


if __name__ == "__main__":
    main()
