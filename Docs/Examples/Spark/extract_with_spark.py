#!/usr/bin/env python3
"""Extract ActorGraph graphs with Apache Spark, one actorgraph process per partition.

The documents become JSON Lines records ({"id", "text", "date"}), are split into
partitions, and each partition is piped (RDD.pipe) through one
`actorgraph extract --format jsonl` process. The graphs are collected and
written as JSON Lines sorted by document id, so the output does not depend on
how Spark split the work: it is the output of one local run, sorted by id.

    python extract_with_spark.py Tests/Corpus Tests/Coverage -o graphs.jsonl --partitions 4

Inputs: a folder stands for its .txt files in name order (hidden files left
out), a .txt file is one document whose id is its name without extension, and
a .jsonl file gives its lines as they are, for actorgraph to read (or refuse)
exactly as it would locally. Blank lines are skipped, as actorgraph skips them.

Exit status: 0 when every document gave a graph; 1 when some gave an error
record instead (the output is written all the same, as actorgraph does); 2
when the job could not run (bad option, unreadable input, actorgraph missing
or failing).
"""

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[3]
DEFAULT_BINARY = REPOSITORY / ".build" / "release" / "actorgraph"

# An error record ends with its input line number, then the column when the
# problem has one: actorgraph writes "error", "id", "line", "column" in that order.
LINE_FIELD = re.compile(r'"line":(\d+)(?=(,"column":\d+)?\}$)')


class JobError(Exception):
    """A problem that stops the job, told in one line."""


def main():
    options = parse_options()
    started = time.monotonic()
    try:
        binary = find_binary(options.actorgraph)
        documents = read_documents(options.inputs)
        command = extract_command(binary, options)
        check_command(command)
        if documents:
            outputs, partitions, spark_seconds = run_spark(documents, command, options.partitions, options.master)
        else:
            outputs, partitions, spark_seconds = [], 0, 0.0
        records = sorted_records(outputs)
    except JobError as error:
        print(f"extract_with_spark: error: {error}", file=sys.stderr)
        return 2
    with open(options.output, "wb") as file:
        for _, record in records:
            file.write(record.encode("utf-8") + b"\n")
    errors = sum(1 for is_error, _ in records if is_error)
    print(
        f"extract_with_spark: {len(documents)} documents in {partitions} partition{'' if partitions == 1 else 's'}: "
        f"{len(records) - errors} graphs, {errors} error records -> {options.output} "
        f"(Spark job {spark_seconds:.1f} s, {time.monotonic() - started:.1f} s in all)",
        file=sys.stderr,
    )
    return 1 if errors else 0


def parse_options():
    parser = argparse.ArgumentParser(
        description="Extract actor-and-event graphs with Spark, piping each partition "
        "through `actorgraph extract --format jsonl`."
    )
    parser.add_argument("inputs", nargs="+", type=Path, metavar="INPUT",
                        help="folders of .txt articles, .txt files, or .jsonl files of {id, text, date} records")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="PATH",
                        help="where to write the graphs, one per line, sorted by document id")
    parser.add_argument("--actorgraph", type=Path, default=DEFAULT_BINARY, metavar="PATH",
                        help="the actorgraph binary (default: .build/release/actorgraph of this repository)")
    parser.add_argument("--partitions", type=int, default=None, metavar="N",
                        help="number of partitions, one actorgraph process each (default: Spark's "
                        "default parallelism, 2 for local[2]; never more than there are documents)")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="passed on to actorgraph: the date of records that have none")
    parser.add_argument("--gazetteer", action="append", default=[], type=Path, metavar="PATH",
                        help="passed on to actorgraph (repeatable): a .gaz file or folder, or a compiled .agz")
    parser.add_argument("--master", metavar="URL",
                        help="the Spark master (default: local[2], or spark-submit's --master)")
    options = parser.parse_args()
    if options.partitions is not None and options.partitions < 1:
        parser.error("--partitions must be 1 or more")
    return options


def find_binary(path):
    # RDD.pipe starts the process with an empty environment (no PATH), so the path must be absolute.
    binary = path.resolve()
    if not (binary.is_file() and os.access(binary, os.X_OK)):
        raise JobError(f"{path} is not an executable file; build it with "
                       "`swift build -c release --product actorgraph` or pass --actorgraph PATH.")
    return binary


def read_documents(inputs):
    """(line number, JSON line) of each document, in input order.

    The line number is the one actorgraph gives the line's error record when
    it reads the .jsonl file itself; for a document made from a .txt file
    (which has no line), its place among all the documents.
    """
    documents = []
    for path in inputs:
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix == ".txt" and not p.name.startswith("."))
            if not files:
                raise JobError(f"the folder {path} holds no .txt file; name the files or a folder that has them.")
        elif path.is_file():
            files = [path]
        else:
            raise JobError(f"{path} does not exist; check the path.")
        for file in files:
            if file.suffix == ".jsonl":
                documents += jsonl_documents(file)
            else:
                # Read as bytes: text mode would turn "\r\n" into "\n" and change the offsets.
                text = decode(read_bytes(file), file)
                documents.append((len(documents) + 1, json.dumps({"id": file.stem, "text": text}, ensure_ascii=False)))
    return documents


def jsonl_documents(file):
    documents = []
    # Split on "\n" only, as actorgraph does ("\r" and U+2028 stay inside the line).
    for number, raw in enumerate(read_bytes(file).split(b"\n"), start=1):
        if raw.strip(b" \t\r"):
            documents.append((number, decode(raw, f"{file}:{number}")))
    return documents


def read_bytes(file):
    try:
        return file.read_bytes()
    except OSError as error:
        raise JobError(f"{file} cannot be read ({error.strerror}); check that it is a file you may read.")


def decode(data, where):
    # RDD.pipe sends text as UTF-8, so invalid bytes cannot pass through as they are.
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise JobError(f"{where}: not valid UTF-8 from byte {error.start}; save it as UTF-8.")


def extract_command(binary, options):
    command = [str(binary), "extract", "--format", "jsonl"]
    if options.date:
        command += ["--date", options.date]
    for gazetteer in options.gazetteer:
        # Absolute, since the process does not start in a folder we choose.
        command += ["--gazetteer", str(gazetteer.resolve())]
    return command


def check_command(command):
    """Runs the command once on no input, in the empty environment RDD.pipe gives it.

    A bad option, a gazetteer that does not load or a binary that cannot run
    is then one clear message here instead of a failed task per partition.
    """
    try:
        result = subprocess.run(command, input=b"", env={}, capture_output=True, timeout=300)
    except OSError as error:
        raise JobError(f"{command[0]} cannot be run ({error.strerror}).")
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise JobError(f"`{shlex.join(command)}` failed with status {result.returncode}: "
                       f"{message[0] if message else 'no message'}")


def run_spark(documents, command, partitions, master):
    """Pipes the documents through the command, one process per partition.

    Returns the output lines, each with its document's line number, in input
    order; the number of partitions; and the seconds the Spark job took.
    """
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)   # workers run the driver's Python
    # Defaults for a plain `python` run, read only when pyspark starts Spark itself: under
    # spark-submit, or with PYSPARK_SUBMIT_ARGS already set, those options apply instead.
    os.environ.setdefault("PYSPARK_SUBMIT_ARGS", "--master local[2] --conf spark.ui.enabled=false "
                          "--conf spark.ui.showConsoleProgress=false pyspark-shell")
    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setAppName("actorgraph-extract")
    if master:
        conf.setMaster(master)
    context = SparkContext(conf=conf)
    context.setLogLevel("WARN")
    try:
        partitions = min(partitions or context.defaultParallelism, len(documents))
        started = time.monotonic()
        numbered = context.parallelize(documents, partitions)
        # Both jobs read the same parallelized partitions, so numbers and outputs line up partition by partition.
        line_numbers = numbered.keys().glom().collect()
        # checkCode stays off: actorgraph exits 1 when a line gave an error record, which is output,
        # not a failure. A process that dies early is caught below by counting its lines.
        graphs = numbered.values().pipe(shlex.join(command)).glom().collect()
        seconds = time.monotonic() - started
    finally:
        context.stop()
    outputs = []
    for partition, (numbers, lines) in enumerate(zip(line_numbers, graphs)):
        if len(numbers) != len(lines):
            raise JobError(f"partition {partition} sent {len(numbers)} documents to actorgraph and got "
                           f"{len(lines)} lines back: the process stopped early (its messages, if any, are above).")
        outputs += zip(numbers, lines)
    return outputs, partitions, seconds


def sorted_records(outputs):
    """(is error, record) for each output line, sorted by document id, then input order.

    An error record's "line" counts lines within its partition, so it is set
    back to the line of the input file, as a local run writes it.
    """
    keyed = []
    for position, (line_number, output) in enumerate(outputs):
        try:
            record = json.loads(output)
        except json.JSONDecodeError:
            raise JobError(f"actorgraph wrote a line that is not JSON ({output[:60]!r}); "
                           "the process may have stopped in the middle of it.")
        is_error = "schema" not in record
        if is_error:
            output = LINE_FIELD.sub(f'"line":{line_number}', output)
            document_id = record.get("id", "")
        else:
            document_id = record["document"].get("id", "")
        keyed.append(((document_id, position), is_error, output))
    keyed.sort(key=lambda item: item[0])
    return [(is_error, output) for _, is_error, output in keyed]


if __name__ == "__main__":
    sys.exit(main())
