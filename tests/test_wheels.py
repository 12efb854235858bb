"""Issue 17: `make dist` gives two wheels that work in a fresh venv, from any folder.

Builds both wheels, installs them into a new venv in a temporary directory (pip fetches the
dependencies as `make install` does), then runs them from a folder outside the repository.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import venv
import zipfile

import pytest

from .conftest import GOLD_DIR, ROOT, need_shared

pytestmark = pytest.mark.slow


def md5(data: bytes) -> str:
    return hashlib.md5(data).hexdigest()


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(dist directory, venv bin directory, a working folder outside the repository)."""
    need_shared("corpora/peyma/test.txt")  # the model card's scores are measured while packaging
    tmp = tmp_path_factory.mktemp("wheels")
    dist = tmp / "dist"
    subprocess.run(["make", "-s", "dist", f"DIST={dist}"], cwd=ROOT, check=True, capture_output=True)
    venv.create(tmp / "venv", with_pip=True)
    bin_dir = tmp / "venv" / "bin"
    subprocess.run([bin_dir / "pip", "install", "-q", *sorted(dist.glob("*.whl"))], check=True, capture_output=True)
    elsewhere = tmp / "elsewhere"
    elsewhere.mkdir()
    return dist, bin_dir, elsewhere


def test_make_dist_writes_two_wheels_under_60_mb(installed):
    dist, _, _ = installed
    wheels = sorted(p.name.split("-")[0] for p in dist.glob("*.whl"))
    assert wheels == ["fa_khabar_news", "khabar"]
    assert sum(p.stat().st_size for p in dist.glob("*.whl")) < 60 * 2**20


def test_the_model_wheel_has_the_shipped_weights_and_a_model_card(installed):
    dist, _, _ = installed
    wheel = zipfile.ZipFile(next(dist.glob("fa_khabar_news-*.whl")))
    ner = next(n for n in wheel.namelist() if n.endswith("/ner/model"))
    assert md5(wheel.read(ner)) == md5((ROOT / "models" / "khabar-fa" / "ner" / "model").read_bytes())
    meta = json.loads(wheel.read(next(n for n in wheel.namelist() if n.endswith("-0.1.0/meta.json"))))
    assert f"khabar=={meta['version']}" in meta["requirements"]
    assert meta["performance"]["peyma_test"]["f1"] > 0.8
    assert meta["performance"]["records_f1"]["quotes direct attribution"] > 0.8
    assert {"PEYMA (train)", "ParsTwiNER (train: PER, ORG, LOC)"} <= {s["name"] for s in meta["sources"]}
    assert "research" in meta["license"]


def test_khabar_extract_runs_the_installed_pipeline_from_any_folder(installed):
    _, bin_dir, elsewhere = installed
    out = subprocess.run([bin_dir / "khabar", "extract", GOLD_DIR / "seed-article.txt"], cwd=elsewhere,
                         check=True, capture_output=True, text=True).stdout
    record = json.loads(out)
    assert [q["speaker"] for q in record["quotes"]] == ["علیرضا وارثی"] * 14
    assert {"سازمان بهزیستی", "اداره کل بهزیستی استان قزوین"} <= {o["name"] for o in record["organizations"]}


def test_spacy_load_gives_the_whole_pipeline_without_importing_khabar(installed):
    _, bin_dir, elsewhere = installed
    code = ("import spacy, sys; nlp = spacy.load('fa_khabar_news'); doc = nlp(open(sys.argv[1]).read()); "
            "print(len(doc.spans['quotes']), [o['name'] for o in doc._.organizations], "
            "len(doc.spans['figures']), [o['name'] for o in doc._.officials])")
    out = subprocess.run([bin_dir / "python", "-c", code, GOLD_DIR / "seed-article.txt"], cwd=elsewhere,
                         check=True, capture_output=True, text=True).stdout
    assert out.startswith("14 ") and "سازمان بهزیستی" in out and "علیرضا وارثی" in out


def test_khabar_version_names_the_installed_model(installed):
    _, bin_dir, elsewhere = installed
    out = subprocess.run([bin_dir / "khabar", "--version"], cwd=elsewhere, check=True,
                         capture_output=True, text=True).stdout
    assert out.splitlines()[0] == "khabar 0.1.0"
    assert out.splitlines()[1].startswith("model fa_khabar_news 0.1.0 (") and str(ROOT) not in out
    assert sys.prefix not in out
