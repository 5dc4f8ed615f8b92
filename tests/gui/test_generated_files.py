"""Generated forms and resources are kept honest: present, fresh, and what the tools make now."""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: A fresh clone writes every file within a moment, sources possibly after their outputs;
#: a source edited without regenerating is minutes newer. The content test is the exact one.
CHECKOUT_SLACK_S = 2.0


def load_generate_qt() -> ModuleType:
    """The script itself, so that the test and the script can never disagree on a target."""
    script = ROOT / "scripts" / "generate_qt.py"
    spec = importlib.util.spec_from_file_location("generate_qt", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


generate_qt = load_generate_qt()
TARGETS = generate_qt.targets()


def without_header(text: str) -> list[str]:
    """The file without its leading comment block, which names the tool's version."""
    lines = text.splitlines()
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        lines.pop(0)
    return lines


def test_every_form_and_the_resources_are_generated() -> None:
    outputs = {target.output.relative_to(ROOT).as_posix() for target in TARGETS}
    forms = {f"desktop_app/gui/forms/ui_{form.stem}.py" for form in (ROOT / "ui").glob("*.ui")}
    assert outputs == forms | {"desktop_app/gui/resources_rc.py"}
    assert "desktop_app/gui/forms/ui_main_window.py" in outputs


@pytest.mark.parametrize("target", TARGETS, ids=lambda target: target.output.name)
def test_the_generated_file_is_newer_than_its_sources(target: object) -> None:
    assert target.output.exists(), "run scripts/generate_qt.py"
    made = target.output.stat().st_mtime
    for source in target.inputs():
        assert source.stat().st_mtime <= made + CHECKOUT_SLACK_S, (
            f"{source.relative_to(ROOT)} changed after {target.output.name}: "
            "run scripts/generate_qt.py"
        )


@pytest.mark.parametrize("target", TARGETS, ids=lambda target: target.output.name)
def test_the_generated_file_is_what_the_tool_makes_now(target: object, tmp_path: Path) -> None:
    fresh = tmp_path / target.output.name
    generate_qt.generate(target, fresh)
    assert without_header(target.output.read_text("utf-8")) == without_header(
        fresh.read_text("utf-8")
    ), f"{target.output.name} is stale: run scripts/generate_qt.py"
