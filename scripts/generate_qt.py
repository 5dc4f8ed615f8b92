"""Regenerate every Qt form and the compiled resources: `python scripts/generate_qt.py`.

ui/*.ui become desktop_app/gui/forms/ui_*.py (pyside6-uic) and resources/tandem.qrc becomes
desktop_app/gui/resources_rc.py (pyside6-rcc). Run it after editing a form, an icon or the
style sheet; tests/gui/test_generated_files.py fails while a generated file is stale.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "desktop_app" / "gui" / "forms"
QRC = ROOT / "resources" / "tandem.qrc"
RESOURCES_MODULE = ROOT / "desktop_app" / "gui" / "resources_rc.py"

#: Format 1 carries no file timestamps, so the output depends on the sources' contents only
#: (a fresh clone regenerates byte for byte); zlib is the compression every Qt build reads.
RCC_OPTIONS = ("-g", "python", "--format-version", "1", "--compress-algo", "zlib")


@dataclass(frozen=True)
class Target:
    """One generated file, the files it is made from, and the tool that makes it."""

    tool: str
    source: Path
    output: Path
    options: tuple[str, ...] = ()

    def inputs(self) -> list[Path]:
        """The source and, for a resource file, every file it lists."""
        if self.source.suffix != ".qrc":
            return [self.source]
        listed = ElementTree.parse(self.source).getroot().iter("file")
        return [self.source, *(self.source.parent / (entry.text or "") for entry in listed)]

    def command(self, output: Path) -> list[str]:
        return [tool_path(self.tool), *self.options, str(self.source), "-o", str(output)]


def targets() -> list[Target]:
    forms = [
        Target("pyside6-uic", form, FORMS_DIR / f"ui_{form.stem}.py")
        for form in sorted(UI_DIR.glob("*.ui"))
    ]
    return [*forms, Target("pyside6-rcc", QRC, RESOURCES_MODULE, RCC_OPTIONS)]


def tool_path(name: str) -> str:
    """The tool from this interpreter's environment (the venv's bin folder), else from PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"generate_qt: {name} not found next to {sys.executable} or on PATH")
    return found


def generate(target: Target, output: Path | None = None) -> None:
    """Write `target` (or, for comparing, the same content to `output`)."""
    subprocess.run(target.command(output or target.output), check=True, cwd=ROOT)


def main() -> int:
    FORMS_DIR.mkdir(parents=True, exist_ok=True)
    for target in targets():
        generate(target)
        print(f"{target.source.relative_to(ROOT)} -> {target.output.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
