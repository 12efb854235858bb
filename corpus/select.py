"""Pick 48 news-raw articles to annotate: corpus/dev-f and dev-g (figures), dev-h (quotes).

Run from the repository root: ``python3 corpus/select.py dev-f 0.75`` (and ``dev-g 0.25``; ``dev-i 0.45 quotes``; ``dev-j 0.9 quotes``;
``dev-h 0.6 quotes``).
Writes ``NAME.txt`` (the JSONL ``text`` field exactly) into corpus/FOLDER and prints the names.
Deterministic: no randomness.

Rule, per source file of ../shared/corpora/news-raw (line numbers start at 1):
- start at line ``int(FRACTION * n)`` (n = lines in the file), walk forward, wrap to line 1 at the end;
- keep an article when 800 <= len(text) <= 3500, it states at least 4 numbers (runs of Persian or
  Latin digits, or the number words below) or, with ``quotes``, it has at least 3 speech cues
  (CUES below, plain substring counts), and its first 80 characters are not a substring of any
  corpus/*/*.txt outside FOLDER (so no article already annotated, held out or used in samples);
- stop after the quota of the source: the mix of corpus/heldout-b's sources.
"""

import gzip
import json
import re
import sys
from pathlib import Path

NEWS_RAW = Path("../shared/corpora/news-raw")
QUOTA = {"farsnews": 14, "hamshahri": 14, "radiofarda": 10, "varzesh3": 10}
CUES = ("گفت", "افزود", "اظهار", "اعلام کرد", "اعلام كرد", "می‌گوید", "به گفته", "تاکید کرد", "تاكيد كرد")
NUMBER = re.compile(r"[0-9۰-۹٠-٩]+|\b(?:یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|صد|هزار|میلیون|میلیارد|درصد)\b")


def qualifies(text: str, what: str) -> bool:
    """Does the article qualify: numbers for a figures batch, speech cues for a quotes batch?"""
    if what == "quotes":
        return sum(text.count(cue) for cue in CUES) >= 3
    return len(NUMBER.findall(text)) >= 4


def main(folder: str, fraction: float, what: str = "figures") -> None:
    out = Path("corpus") / folder
    out.mkdir(exist_ok=True)
    known = [p.read_text(encoding="utf-8") for p in Path("corpus").glob("*/*.txt") if p.parent != out]
    for source, quota in QUOTA.items():
        lines = gzip.open(NEWS_RAW / f"{source}.jsonl.gz", "rt", encoding="utf-8").read().splitlines()
        start = int(fraction * len(lines))
        kept = 0
        for i in list(range(start, len(lines))) + list(range(0, start)):
            item = json.loads(lines[i])
            text = item["text"]
            if not 800 <= len(text) <= 3500 or not qualifies(text, what):
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
    main(sys.argv[1], float(sys.argv[2]), *sys.argv[3:4])
