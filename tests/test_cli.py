"""The `readiness` command at its edges: documented examples run as written on the demo's
database, a closed pipe, a database not yet migrated, an output folder that does not exist."""

from __future__ import annotations

import io
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from readiness.actions.services import create_item
from readiness.lib.testing.workers import empty_installation

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_FILES = ("README.md", "docs/cli.md")
_EXIT_NOTE = re.compile(r"\s+#\s*exit status (\d+):.*$")

needs_own_sqlite = pytest.mark.skipif(
    bool(os.getenv("DATABASE_URL")),
    reason="runs the command in a subprocess on a SQLite database of its own; the SQLite pass "
    "covers it",
)


def documented_examples() -> list[tuple[str, str, int]]:
    """(file, command line, expected exit status) for every `readiness …` line of a ```sh
    block; a trailing `# exit status N: why` gives a status other than 0."""
    found = []
    for name in EXAMPLE_FILES:
        text = (ROOT / name).read_text(encoding="utf-8")
        for block in re.findall(r"```sh\n(.*?)```", text, re.S):
            for line in block.splitlines():
                if not line.startswith("readiness "):
                    continue
                note = _EXIT_NOTE.search(line)
                command = _EXIT_NOTE.sub("", line)
                found.append((name, command, int(note.group(1)) if note else 0))
    return found


def run(command: str, data_dir: Path, cwd: Path) -> subprocess.CompletedProcess:
    """COMMAND as a person would type it, `readiness` being this checkout's entry point."""
    readiness = f"{shlex.quote(sys.executable)} -m readiness"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["READINESS_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        re.sub(r"^readiness\b", readiness, command),
        shell=True,
        executable="/bin/bash",
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def run_in_one_process(commands: list[str], data_dir: Path, cwd: Path) -> list[dict]:
    """Each of COMMANDS through `readiness.cli.main`, in one Python process (starting Python
    and Django for each line would cost a second a line). Scans are not read by OCR here
    (half a minute of the demo's load; no example depends on them: test_ocr.py reads them)."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["READINESS_DATA_DIR"] = str(data_dir)
    env["READINESS_OCR"] = "off"
    done = subprocess.run(
        [sys.executable, "-m", "readiness.lib.testing.run_commands"],
        input=json.dumps(commands),
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder laid out like the repository after `make demo`: its docs, and a data
    directory holding the demo's database (migrated and loaded as `make demo` does)."""
    folder = tmp_path_factory.mktemp("demo")
    (folder / "docs").symlink_to(ROOT / "docs")
    (folder / "data" / "exports").mkdir(parents=True)
    # A copy of an installation migrated once per run: `readiness migrate` below still runs as
    # written, finding nothing left to do, instead of seven seconds of migrations again.
    empty_installation(folder / "data")
    steps = run_in_one_process(
        ["readiness migrate --noinput", "readiness demo load"], folder / "data", folder
    )
    assert [step["status"] for step in steps] == [0, 0], steps
    return folder


def test_the_readme_and_the_cli_page_have_examples():
    counts = {name: 0 for name in EXAMPLE_FILES}
    for name, _, _ in documented_examples():
        counts[name] += 1
    assert counts == {"README.md": 7, "docs/cli.md": 18}


@pytest.mark.slow
@needs_own_sqlite
def test_each_documented_example_runs_as_written(demo_folder):
    examples = documented_examples()
    piped = [(s, c, e) for s, c, e in examples if "|" in c]
    plain = [(s, c, e) for s, c, e in examples if "|" not in c]
    outcomes = [
        (source, command, result["status"], result["stderr"], bool(result["stdout"].strip()))
        for (source, command, _), result in zip(
            plain,
            run_in_one_process([c for _, c, _ in plain], demo_folder / "data", demo_folder),
            strict=True,
        )
    ]
    for source, command, _ in piped:
        done = run(command, demo_folder / "data", demo_folder)
        outcomes.append((source, command, done.returncode, done.stderr, bool(done.stdout)))
    # Each prints something (what it wrote, when it wrote a file), and nothing on stderr.
    expected = [(source, command, status, "", True) for source, command, status in plain + piped]
    assert outcomes == expected
    exports = sorted(path.name for path in (demo_folder / "data" / "exports").iterdir())
    assert exports == [
        "anytown-action-plan.xlsx",
        "anytown-grid.xlsx",
        "anytown-index.xlsx",
        "anytown-report.pdf",
        "anytown-self-evaluation.docx",
        "northbridge-grid.json",
        "northbridge-report.docx",
    ]


@pytest.mark.slow
@needs_own_sqlite
def test_a_reader_that_stops_early_ends_the_command_quietly(demo_folder):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["READINESS_DATA_DIR"] = str(demo_folder / "data")
    child = subprocess.Popen(
        [sys.executable, "-m", "readiness", "evidence", "gaps", "--review", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    child.stdout.close()  # gone before the command writes a line
    stderr = child.stderr.read().decode()
    assert (child.wait(timeout=120), stderr) == (1, "")


# One line for each of our commands (the refusal is made once, in readiness/cli.py).
COMMANDS_NEEDING_THE_DATABASE = [
    "review list",
    "framework load docs/examples/jtai-neglect.yaml --as someone",
    "grade --review 1 --judgement help_and_protection --grade good --as someone",
    "judgements export --review 1 --format json",
    "evidence gaps --review 1",
    "data import docs --kind table --review 1 --as someone",
    "indicators --review 1",
    "narrative check --review 1",
    "actions list --review 1",
    "countdown",
    "notify --dry-run",
    "report --format html",
    "sef",
    "demo load --without-evidence",
]


@pytest.mark.slow
@needs_own_sqlite
def test_a_command_before_migrate_says_to_migrate(tmp_path):
    (tmp_path / "docs").symlink_to(ROOT / "docs")
    database = tmp_path / "data" / "readiness.sqlite3"
    message = f"The database ({database}) has not been set up yet: run `readiness migrate` first.\n"
    lines = [f"readiness {arguments}" for arguments in COMMANDS_NEEDING_THE_DATABASE]
    results = run_in_one_process(lines, tmp_path / "data", tmp_path)
    outcomes = [
        (line, r["status"], r["stdout"], r["stderr"])
        for line, r in zip(lines, results, strict=True)
    ]
    assert outcomes == [(line, 2, "", message) for line in lines]


# Output into a folder that does not exist: refused, exit 2, the folder named, nothing made.


@pytest.mark.django_db
@pytest.mark.parametrize(
    "arguments",
    [
        ["report", "--format", "pdf", "--output"],
        ["sef", "--output"],
        ["judgements", "export", "--format", "xlsx", "--output"],
        ["evidence", "index", "--format", "docx", "--output"],
        ["actions", "export", "--xlsx"],
    ],
    ids=["report", "sef", "judgements export", "evidence index", "actions export"],
)
def test_output_into_a_missing_folder_is_refused(review, tmp_path, arguments):
    create_item(review, "recommendation", "Involve partners in revising thresholds.")
    missing = tmp_path / "no such folder"
    target = missing / "out.file"
    with pytest.raises(CommandError) as refused:
        call_command(*arguments, str(target), "--review", str(review.id), stdout=io.StringIO())
    assert (str(refused.value), refused.value.returncode, missing.exists()) == (
        f"The folder {missing} does not exist: create it first, or choose another --output.",
        2,
        False,
    )


@pytest.mark.django_db
def test_output_at_the_filesystem_root_creates_nothing(review):
    missing = Path("/readiness-no-such-folder")
    with pytest.raises(CommandError):
        call_command("report", "--review", str(review.id), "--format", "html",
                     "--output", str(missing / "report.html"), stdout=io.StringIO())  # fmt: skip
    assert not missing.exists()


@pytest.mark.django_db
def test_output_that_is_a_folder_is_refused(review, tmp_path):
    with pytest.raises(CommandError) as refused:
        call_command("sef", "--review", str(review.id), "--output", str(tmp_path))
    assert str(refused.value) == f"{tmp_path} is a folder: give --output a file name."
