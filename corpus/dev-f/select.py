"""Pick the 48 news-raw articles of corpus/dev-f (figures only, issue 20).

Run from the repository root: ``python3 corpus/dev-f/select.py``. Writes ``NAME.txt`` (the JSONL
``text`` field exactly) into corpus/dev-f and prints the names. Deterministic: no randomness.

Rule, per source file of ../shared/corpora/news-raw (line numbers start at 1):
- start at line ``3 * n // 4`` (n = lines in the file), walk forward, wrap to line 1 at the end;
- keep an article when 800 <= len(text) <= 3500, it states at least 4 numbers (runs of Persian or
  Latin digits, or the number words below), and its first 80 characters are not a substring of any
  corpus/*/*.txt (so no article already annotated, held out or used in samples);
- stop after the quota of the source: the mix of corpus/heldout-b's sources.
"""

import gzip
import json
import re
from pathlib import Path

NEWS_RAW = Path("../shared/corpora/news-raw")
QUOTA = {"farsnews": 14, "hamshahri": 14, "radiofarda": 10, "varzesh3": 10}
NUMBER = re.compile(r"[0-9۰-۹٠-٩]+|\b(?:یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|صد|هزار|میلیون|میلیارد|درصد)\b")


def main() -> None:
    out = Path("corpus/dev-f")
    known = [p.read_text(encoding="utf-8") for p in Path("corpus").glob("*/*.txt")]
    for source, quota in QUOTA.items():
        lines = gzip.open(NEWS_RAW / f"{source}.jsonl.gz", "rt", encoding="utf-8").read().splitlines()
        start = 3 * len(lines) // 4
        kept = 0
        for i in list(range(start, len(lines))) + list(range(0, start)):
            item = json.loads(lines[i])
            text = item["text"]
            if not 800 <= len(text) <= 3500 or len(NUMBER.findall(text)) < 4:
                continue
            if any(text[:80] in k for k in known):
                continue
            name = f"{source}-line{i + 1}"
            (out / f"{name}.txt").write_text(text, encoding="utf-8")
            print(name, len(text), len(NUMBER.findall(text)))
            kept += 1
            if kept == quota:
                break


if __name__ == "__main__":
    main()
