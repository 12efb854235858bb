"""The ``khabar`` command: a thin shell over the Python API (each command calls into it)."""

from __future__ import annotations

import contextvars
import functools
import gzip
import signal
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import click
import orjson
import typer

from .errors import InputError
from .limits import MAX_CHARS

app = typer.Typer(
    help="Khabar (خبر): Persian news -> normalized text, organizations, figures and quoted officials.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
)
train_app = typer.Typer(help="Train the shipped models.", no_args_is_help=True)
app.add_typer(train_app, name="train")

ModelOption = Annotated[str | None, typer.Option(
    help="Trained spaCy pipeline: a directory or an installed package; 'blank' for none. "
    "Default: $KHABAR_MODEL, then models/khabar-fa of the repository, then the fa_khabar_news package.")]
EncodingOption = Annotated[str, typer.Option(
    help="Encoding of the input files: utf-8, auto (UTF-8, UTF-16 with a BOM, else Windows-1256 "
    "when the bytes read as Persian) or any codec name (cp1256, utf-16). A byte-order mark always decides.")]
LangCheckOption = Annotated[str, typer.Option(
    help="on: a text that is not mostly Persian (English, Arabic, emoji) gets an error, not a junk record; off: analyze every text.")]

# what the user can fix: an error line and exit code 2, never a traceback
USER_ERRORS = (InputError, FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError,
               gzip.BadGzipFile, EOFError, orjson.JSONDecodeError, UnicodeDecodeError)
EXIT_USER_ERROR = 2
EXIT_FAILURE = 1
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


def _fail(message: str, code: int = EXIT_USER_ERROR) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


DEBUG = contextvars.ContextVar("khabar_debug", default=False)  # set by ``khabar --debug``


def _user_message(exc: BaseException) -> str:
    """An exception as the one line a user reads.

    >>> _user_message(FileNotFoundError(2, "No such file or directory", "a.txt"))
    'a.txt: No such file or directory'
    """
    if isinstance(exc, OSError) and exc.filename and exc.strerror:
        return f"{exc.filename}: {exc.strerror}"
    return str(exc) or type(exc).__name__


def handles_errors(command: Callable) -> Callable:
    """Run a command so that a user error is an ``error:`` line (exit 2), Ctrl-C exit 130, and
    a failure of Khabar itself a short message (exit 1); ``khabar --debug`` adds the traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        from .batch.run import Interrupted

        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, click.ClickException):
            raise
        except (Interrupted, KeyboardInterrupt) as exc:
            typer.echo(str(exc) if isinstance(exc, Interrupted) else "interrupted", err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except Exception as exc:
            if DEBUG.get():
                traceback.print_exc()
            if isinstance(exc, USER_ERRORS):
                _fail(_user_message(exc))
            detail = traceback.format_exception_only(exc)[-1].strip()
            hint = "" if DEBUG.get() else " (khabar --debug ... shows the traceback)"
            _fail(f"khabar failed: {detail}{hint}", EXIT_FAILURE)

    return wrapper


def _print_versions(asked: bool) -> None:
    """``khabar --version``: Khabar's version and the model a run would use."""
    if not asked:
        return
    from .analysis import describe_model

    typer.echo(f"khabar {_khabar_version()}\nmodel {describe_model()}")
    raise typer.Exit()


def _khabar_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("khabar")
    except PackageNotFoundError:
        return "unknown (not installed)"


@app.callback()
def main_options(
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of any error.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_print_versions, is_eager=True,
                                          help="Print the Khabar and model versions.")] = False,
) -> None:
    """Khabar (خبر): Persian news -> normalized text, organizations, figures and quoted officials."""
    DEBUG.set(debug)


@app.command()
@handles_errors
def run(
    inputs: Annotated[list[str], typer.Argument(help="Directories, .txt, .jsonl[.gz], .csv files, or - for JSONL on stdin.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="A .jsonl[.gz] file, or a directory for records/, errors.jsonl, manifest.json (and parquet/).")],
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="Worker processes (default: every core).")] = None,
    engine: Annotated[str, typer.Option(help="local (processes on this machine) or dask.")] = "local",
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address, e.g. tcp://HOST:8786 (default: a local cluster).")] = None,
    shard_size: Annotated[int, typer.Option(help="Articles per shard (the unit of work and of resume).")] = 2000,
    resume: Annotated[bool, typer.Option("--resume/--no-resume", help="Skip shards a killed run already committed.")] = True,
    format: Annotated[str, typer.Option("--format", help="jsonl, or parquet (adds flat tables; needs a directory output).")] = "jsonl",
    text_col: Annotated[str, typer.Option(help="Text field of JSONL/CSV rows.")] = "text",
    id_col: Annotated[str | None, typer.Option(help="Id field of JSONL/CSV rows (default: id when a row has it, else FILE:LINE).")] = None,
    encoding: EncodingOption = "utf-8",
    lang_check: LangCheckOption = "on",
    max_chars: Annotated[int, typer.Option(help="Longer articles get an error record instead of being processed (the document-level extractors' time grows with an article's length).")] = MAX_CHARS,
    model: ModelOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
) -> None:
    """Process a corpus into one JSON record per article (sharded, resumable).

    Examples:

        khabar run corpus/samples -o out/records.jsonl

        khabar run news.jsonl.gz --jobs 2 -o out/news/ --format parquet

        khabar run articles.csv --text-col body --id-col url -o out/records.jsonl

        cat rows.jsonl | khabar run - -o out/records.jsonl

        khabar run archive/ -o out/archive/ --engine dask --scheduler tcp://10.0.0.5:8786
    """
    from .batch import BatchOptions, run_batch
    from .batch.store import OutputStore
    from .readers import ReadOptions

    missing = [i for i in inputs if i != "-" and not Path(i).exists()]
    if missing:
        _fail(f"input not found: {', '.join(missing)}")
    if format not in ("jsonl", "parquet"):
        _fail("--format is jsonl or parquet")
    if format == "parquet" and OutputStore(output).single_file:
        _fail("--format parquet writes a dataset: give a directory as -o")
    options = BatchOptions(
        jobs=jobs, engine=engine, scheduler=scheduler, shard_size=shard_size, resume=resume, model=model,
        max_chars=max_chars, lang_check=_on_off(lang_check, "--lang-check"), parquet=format == "parquet", progress=not quiet,
        read=ReadOptions(text_col=text_col, id_col=id_col, encoding=_encoding(encoding), max_bytes=4 * max_chars),
    )
    # a cluster's scheduler stops a job with SIGTERM: stop as on Ctrl-C, saying how to resume
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    summary = run_batch(inputs, output, options)
    if not quiet:
        typer.echo(summary.text(output), err=True)
    if summary.articles == 0:
        _fail(f"no articles in {', '.join(inputs)} (read: .txt, .jsonl[.gz], .csv[.gz] files and JSONL on stdin)")
    if summary.all_failed:
        where = output / "errors.jsonl" if output.is_dir() else output
        _fail(f"every article failed ({summary.articles}); their reasons are in {where}", EXIT_FAILURE)


@app.command()
@handles_errors
def stats(
    output: Annotated[Path, typer.Argument(help="What khabar run wrote: a records .jsonl[.gz] file or its output directory.")],
    top: Annotated[int, typer.Option(help="Rows per table.")] = 10,
) -> None:
    """Top organizations, most-quoted officials and figure counts of a run's output.

    Examples:

        khabar stats out/records.jsonl

        khabar stats out/news/ --top 20
    """
    from .stats import output_stats

    if not output.exists():
        _fail(f"not found: {output}")
    typer.echo(output_stats(output, top))


def _on_off(value: str, option: str) -> bool:
    if value not in ("on", "off"):
        raise InputError(f"{option} is on or off, not {value!r}")
    return value == "on"


def _encoding(name: str) -> str:
    """``auto``, or the codec's canonical name (``windows-1256`` -> ``cp1256``)."""
    import codecs

    if name == "auto":
        return name
    try:
        return codecs.lookup(name).name.replace("_", "-")
    except LookupError:
        raise InputError(f"unknown --encoding {name!r}: utf-8, auto, or a codec name such as cp1256") from None


def _read_one(file: str, encoding: str = "utf-8", max_bytes: int = 4 * MAX_CHARS):
    """One text, from a file or stdin, as the readers give it (a RawArticle)."""
    from .readers import RawArticle, ReadOptions, decode, read_txt

    if file == "-":
        text, used, errors = decode(sys.stdin.buffer.read(), _encoding(encoding))
        article = RawArticle("stdin", text, errors, used)
    else:
        path = Path(file)
        if path.is_dir():
            raise InputError(f"{path} is a directory: extract reads one article (khabar run reads a directory)")
        if not path.exists():
            raise InputError(f"file not found: {path}")
        article = read_txt(path, ReadOptions(encoding=_encoding(encoding), max_bytes=max_bytes))
    if article.text is None:
        raise InputError(f"cannot read {file}: {'; '.join(article.errors)}")
    return article


@app.command()
@handles_errors
def view(
    source: Annotated[Path, typer.Argument(help="A raw article (.txt), or a records .jsonl[.gz] file with --id.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML page to write.")],
    id: Annotated[str | None, typer.Option("--id", help="Which record of a records file.")] = None,
    encoding: EncodingOption = "utf-8",
    model: ModelOption = None,
) -> None:
    """Write one article's page: its text with organizations, figures and quotes highlighted,
    and tables of its officials, organizations and figures (self-contained HTML, works offline).

    Examples:

        khabar view corpus/samples/seed-article.txt -o seed.html

        khabar view out/records.jsonl --id seed-article -o seed.html
    """
    from .view import article_page

    if source.name.endswith((".jsonl", ".jsonl.gz")):
        from .writers import read_records

        if id is None:
            _fail("a records file needs --id ID")
        record = next((r for r in read_records(source) if r.get("id") == id), None)
        if record is None:
            _fail(f"no record with id {id!r} in {source}")
    else:
        from .core import load

        record = next(load(model).pipe([_read_one(str(source), encoding)])).to_dict()
    output.write_text(article_page(record), encoding="utf-8")
    typer.echo(f"wrote {output}")


@app.command()
@handles_errors
def report(
    output: Annotated[Path, typer.Argument(help="What khabar run wrote: a records .jsonl[.gz] file or its output directory.")],
    page: Annotated[Path, typer.Option("-o", "--output", help="The HTML report to write.")],
    with_articles: Annotated[bool, typer.Option("--with-articles", help="Also write each article's page into articles/ beside the report, linked from it.")] = False,
    top: Annotated[int, typer.Option(help="Rows per table.")] = 15,
) -> None:
    """Write a run's report: articles, errors, top organizations, most-quoted officials, quotes
    per month and figures by kind and unit, with charts (self-contained HTML, works offline).

    Examples:

        khabar report out/records.jsonl -o report.html

        khabar report out/news/ -o report.html --with-articles
    """
    from .report import report_page
    from .stats import record_files
    from .view import article_page
    from .writers import read_records

    if not output.exists():
        _fail(f"not found: {output}")
    links = None
    if with_articles:
        folder = page.parent / "articles"
        folder.mkdir(parents=True, exist_ok=True)
        links = {}
        for path in record_files(output):
            for record in read_records(Path(path)):
                name = f"{_safe_name(record['id'])}.html"
                (folder / name).write_text(article_page(record), encoding="utf-8")
                links[record["id"]] = f"articles/{name}"
    page.write_text(report_page(output, links, top), encoding="utf-8")
    typer.echo(f"wrote {page}" + (f" and {len(links)} article pages in {page.parent / 'articles'}" if links else ""))


def _safe_name(id: str) -> str:
    """A file name for an article id: «news/2020-01» -> «news_2020-01»."""
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in id) or "article"


@app.command()
@handles_errors
def extract(
    file: Annotated[str, typer.Argument(help="A raw article (.txt) or - for stdin.")] = "-",
    format: Annotated[str, typer.Option("--format", "-f", help="json or table.")] = "json",
    lang: Annotated[str, typer.Option(help="Table headers: fa or en.")] = "fa",
    encoding: EncodingOption = "utf-8",
    lang_check: LangCheckOption = "on",
    model: ModelOption = None,
) -> None:
    """Extract one article and print its record.

    Examples:

        khabar extract corpus/samples/seed-article.txt

        khabar extract corpus/samples/seed-article.txt --format table

        echo "وی گفت: ۱۱۰ هزار مددجو تحت پوشش هستند." | khabar extract -
    """
    from .core import load
    from .writers import record_json

    if format not in ("json", "table"):
        _fail("--format is json or table")
    if lang not in ("fa", "en"):
        _fail("--lang is fa or en")
    article = _read_one(file, encoding)
    record = next(load(model, lang_check=_on_off(lang_check, "--lang-check")).pipe([article]))
    if format == "json":
        sys.stdout.write(record_json(record, indent=True).decode() + "\n")
    else:
        from .display import print_record

        print_record(record, lang=lang)


@app.command()
@handles_errors
def normalize(
    file: Annotated[str, typer.Argument(help="Text file or - for stdin.")] = "-",
    lines: Annotated[bool, typer.Option("--lines", help="Normalize each line on its own: one output line per input line.")] = False,
    encoding: EncodingOption = "utf-8",
) -> None:
    """Print normalized text.

    Examples:

        khabar normalize corpus/samples/seed-article.txt

        khabar normalize --lines < titles.txt > titles.norm.txt
    """
    from .normalize import normalize as normalize_text

    text = _read_one(file, encoding, max_bytes=sys.maxsize).text
    if lines:
        for line in text.split("\n")[: -1 if text.endswith("\n") else None]:
            sys.stdout.write(normalize_text(line.rstrip("\r")) + "\n")
    else:
        sys.stdout.write(normalize_text(text))
        if not text.endswith("\n"):
            sys.stdout.write("\n")


@app.command()
@handles_errors
def evaluate(
    target: Annotated[str, typer.Argument(help="A gold directory (NAME.txt + NAME.gold.json), or 'ner'.")],
    pred: Annotated[Path | None, typer.Option(help="Score these records instead of running the pipeline.")] = None,
    corpus: Annotated[Path | None, typer.Option(help="For 'ner': a PEYMA or ARMAN format file.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    speaker_ranker: Annotated[str, typer.Option(help="on: the learned ranker decides ambiguous speakers (off by default: it did not measure better).")] = "off",
    model: ModelOption = None,
) -> None:
    """Score the pipeline against gold (FORMAT.md rules), or the NER model on a corpus. The gold
    lives in a git checkout (corpus/gold, corpus/heldout) or beside it (../shared/gold/dev,
    ../shared/corpora/peyma/test.txt); give its path.

    Examples:

        khabar evaluate corpus/gold

        khabar evaluate corpus/gold --pred out/records.jsonl --json

        khabar evaluate ner --corpus ../shared/corpora/peyma/test.txt
    """
    if target == "ner":
        from .evaluate.ner import evaluate_ner, format_ner_report

        if corpus is None:
            _fail("evaluate ner needs --corpus FILE")
        if not corpus.is_file():
            _fail(f"corpus not found: {corpus}")
        result = evaluate_ner(corpus, model)
        typer.echo(orjson.dumps(result, option=orjson.OPT_INDENT_2).decode() if as_json else format_ner_report(result))
        return
    from .evaluate.gold import load_gold, score_records
    from .evaluate.runner import records_for_gold

    gold_dir = Path(target)
    if not gold_dir.is_dir():
        _fail(f"not a gold directory: {gold_dir}")
    if pred is not None and not pred.is_file():
        _fail(f"not found: {pred}")
    gold = load_gold(gold_dir)
    if not gold:
        _fail(f"no *.gold.json files in {gold_dir}")
    components = {"khabar_quotes": {"speaker_ranker": _on_off(speaker_ranker, "--speaker-ranker")}}
    report = score_records(records_for_gold(gold_dir, gold, pred=pred, model=model, components=components), gold)
    typer.echo(orjson.dumps(report.as_dict(), option=orjson.OPT_INDENT_2).decode() if as_json else report.table())


@train_app.command("ner")
@handles_errors
def train_ner_command(
    config: Annotated[Path, typer.Option(help="spaCy training config.")] = Path("models/training/ner.cfg"),
    output: Annotated[Path, typer.Option(help="Where the trained pipeline goes.")] = Path("models/khabar-fa"),
) -> None:
    """Train the NER model from its kept config (fixed seed). Reads the training corpora from
    ../shared/corpora, beside a git checkout (an installed Khabar has no training data).

    Example:

        khabar train ner --config models/training/ner.cfg --output models/khabar-fa
    """
    from .train.ner import train_ner

    typer.echo(f"trained pipeline: {train_ner(config, output)}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
