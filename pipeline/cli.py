"""The ``khabar`` command: a thin shell over the Python API (each command calls into it)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import orjson
import typer

from .limits import MAX_CHARS

app = typer.Typer(
    help="Khabar (خبر): Persian news -> normalized text, organizations, figures and quoted officials.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
)
train_app = typer.Typer(help="Train the shipped models.", no_args_is_help=True)
app.add_typer(train_app, name="train")

ModelOption = Annotated[Path | None, typer.Option(help="Trained spaCy pipeline directory (default: models/khabar-fa).")]


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


@app.command()
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
    id_col: Annotated[str, typer.Option(help="Id field of JSONL/CSV rows.")] = "id",
    max_chars: Annotated[int, typer.Option(help="Longer articles get an error record instead of being processed (a worker needs about 3.5 KB of memory per character of its longest article).")] = MAX_CHARS,
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
        max_chars=max_chars, read=ReadOptions(text_col=text_col, id_col=id_col, max_bytes=4 * max_chars),
        parquet=format == "parquet", progress=not quiet,
    )
    summary = run_batch(inputs, output, options)
    if not quiet:
        typer.echo(summary.text(output), err=True)


@app.command()
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


def _read_one(file: str) -> str:
    if file == "-":
        return sys.stdin.read()
    path = Path(file)
    if not path.exists():
        _fail(f"file not found: {path}")
    return path.read_bytes().decode("utf-8-sig", errors="strict")


@app.command()
def extract(
    file: Annotated[str, typer.Argument(help="A raw article (.txt) or - for stdin.")] = "-",
    format: Annotated[str, typer.Option("--format", "-f", help="json or table.")] = "json",
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
    article_id = "stdin" if file == "-" else Path(file).stem
    record = load(model).process(_read_one(file), id=article_id)
    if format == "json":
        sys.stdout.write(record_json(record, indent=True).decode() + "\n")
    else:
        from .display import print_record

        print_record(record)


@app.command()
def normalize(
    file: Annotated[str, typer.Argument(help="Text file or - for stdin.")] = "-",
    lines: Annotated[bool, typer.Option("--lines", help="Normalize each line on its own: one output line per input line.")] = False,
) -> None:
    """Print normalized text.

    Examples:

        khabar normalize corpus/samples/seed-article.txt

        khabar normalize --lines < titles.txt > titles.norm.txt
    """
    from .normalize import normalize as normalize_text

    text = _read_one(file)
    if lines:
        for line in text.split("\n")[: -1 if text.endswith("\n") else None]:
            sys.stdout.write(normalize_text(line.rstrip("\r")) + "\n")
    else:
        sys.stdout.write(normalize_text(text))
        if not text.endswith("\n"):
            sys.stdout.write("\n")


@app.command()
def evaluate(
    target: Annotated[str, typer.Argument(help="A gold directory (NAME.txt + NAME.gold.json), or 'ner'.")],
    pred: Annotated[Path | None, typer.Option(help="Score these records instead of running the pipeline.")] = None,
    corpus: Annotated[Path | None, typer.Option(help="For 'ner': a PEYMA or ARMAN format file.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    model: ModelOption = None,
) -> None:
    """Score the pipeline against gold (FORMAT.md rules), or the NER model on a corpus.

    Examples:

        khabar evaluate corpus/gold

        khabar evaluate corpus/gold --pred out/records.jsonl --json

        khabar evaluate ner --corpus ../shared/corpora/peyma/test.txt
    """
    if target == "ner":
        from .evaluate.ner import evaluate_ner, format_ner_report

        if corpus is None:
            _fail("evaluate ner needs --corpus FILE")
        result = evaluate_ner(corpus, model)
        typer.echo(orjson.dumps(result, option=orjson.OPT_INDENT_2).decode() if as_json else format_ner_report(result))
        return
    from .evaluate.gold import load_gold, score_records
    from .evaluate.runner import records_for_gold

    gold_dir = Path(target)
    if not gold_dir.is_dir():
        _fail(f"not a gold directory: {gold_dir}")
    gold = load_gold(gold_dir)
    if not gold:
        _fail(f"no *.gold.json files in {gold_dir}")
    report = score_records(records_for_gold(gold_dir, gold, pred=pred, model=model), gold)
    typer.echo(orjson.dumps(report.as_dict(), option=orjson.OPT_INDENT_2).decode() if as_json else report.table())


@train_app.command("ner")
def train_ner_command(
    config: Annotated[Path, typer.Option(help="spaCy training config.")] = Path("models/training/ner.cfg"),
    output: Annotated[Path, typer.Option(help="Where the trained pipeline goes.")] = Path("models/khabar-fa"),
) -> None:
    """Train the NER model from its kept config (fixed seed).

    Example:

        khabar train ner --config models/training/ner.cfg --output models/khabar-fa
    """
    from .train.ner import train_ner

    typer.echo(f"trained pipeline: {train_ner(config, output)}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
