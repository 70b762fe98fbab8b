"""Documentation that drifts from the code fails here."""

import re
from pathlib import Path

import pytest
from django.core.management import get_commands, load_command_class

from readiness.frameworks.domain import loader

ROOT = Path(__file__).resolve().parents[1]
# Every command our apps define, found rather than listed, so a new one cannot miss its docs.
OUR_COMMANDS = sorted(name for name, app in get_commands().items() if app.startswith("readiness."))


def test_the_commands_are_found():
    assert {"framework", "evidence", "data", "narrative", "countdown"} <= set(OUR_COMMANDS)


def test_the_readme_set_up_is_exactly_make_demo_and_make_test():
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"## Set-up\n\n```\n(.*?)```", readme, re.S)
    assert block is not None
    assert block.group(1).splitlines() == ["make demo", "make test"]


def test_the_makefile_has_the_readme_targets():
    makefile = (ROOT / "Makefile").read_text()
    for target in ("demo", "test", "bench"):
        assert re.search(rf"^{target}:", makefile, re.M), target


def test_ci_runs_make_test():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


@pytest.mark.parametrize("name", OUR_COMMANDS)
def test_every_command_and_subcommand_has_help(name):
    apps = get_commands()
    command = load_command_class(apps[name], name)
    assert command.help
    parser = command.create_parser("readiness", name)
    for action in parser._actions:
        if action.dest not in (
            "help",
            "version",
            "verbosity",
            "settings",
            "pythonpath",
            "traceback",
            "no_color",
            "force_color",
            "skip_checks",
        ):
            assert action.help, (name, action.dest)
        for sub_name, sub in (
            getattr(action, "choices", None).items()
            if isinstance(getattr(action, "choices", None), dict)
            else []
        ):
            for sub_action in sub._actions:
                if sub_action.dest != "help":
                    assert sub_action.help, (name, sub_name, sub_action.dest)


@pytest.mark.parametrize("name", OUR_COMMANDS)
def test_every_command_is_in_the_cli_doc(name):
    assert f"`readiness {name}" in (ROOT / "docs" / "cli.md").read_text()


def test_the_readme_documents_every_setting_read_from_the_environment():
    read = set()
    for path in (ROOT / "readiness").rglob("*.py"):
        read |= set(re.findall(r'"(READINESS_[A-Z_]+)"', path.read_text()))
    readme = (ROOT / "README.md").read_text()
    assert "READINESS_SECRET_KEY" in read
    assert sorted(name for name in read if f"`{name}`" not in readme) == []


def test_the_schema_doc_names_every_key_the_loader_accepts():
    doc = (ROOT / "docs" / "framework-schema.md").read_text()
    keys = set(loader.TOP_LEVEL_KEYS) | set(loader.JUDGEMENT_KEYS) | set(loader.LINE_KEYS)
    missing = sorted(key for key in keys if f"`{key}`" not in doc)
    assert missing == []


def test_architecture_names_every_app():
    text = (ROOT / "ARCHITECTURE.md").read_text()
    apps = sorted(p.parent.name for p in (ROOT / "readiness").glob("*/apps.py"))
    assert [app for app in apps if f"readiness.{app}" not in text] == []
