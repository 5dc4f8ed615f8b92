"""The app icon's PNG, ICO and ICNS files are what scripts/generate_icons.py makes of the SVG now.

Compared image by image on decoded pixels, not byte for byte: another zlib or Pillow may pack
the same pixels differently, and another Qt may antialias an edge a step or two apart. A
channel may differ by at most MAX_CHANNEL_STEP of 255; an edited shape or colour differs by far
more than that on some pixel.
"""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image, ImageChops
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
ICON_DIR = ROOT / "resources" / "app-icon"
MAX_CHANNEL_STEP = 3


def load_generate_icons() -> ModuleType:
    """The script itself, so that the test and the script can never disagree on a file."""
    spec = importlib.util.spec_from_file_location(
        "generate_icons", ROOT / "scripts" / "generate_icons.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


generate_icons = load_generate_icons()


def images_in(path: Path) -> dict[tuple[int, int], Image.Image]:
    """Every image a file holds, decoded, keyed by (points, scale): a PNG holds one, at 1."""
    with Image.open(path) as opened:
        if path.suffix == ".ico":
            held = {(size[0], 1): opened.ico.getimage(size) for size in opened.ico.sizes()}
        elif path.suffix == ".icns":
            held = {(size[0], size[2]): opened.icns.getimage(size) for size in opened.info["sizes"]}
        else:
            held = {(opened.width, 1): opened}
        return {key: image.convert("RGBA") for key, image in held.items()}


def largest_step(first: Image.Image, second: Image.Image) -> int:
    difference = ImageChops.difference(first, second)
    return max(high for _low, high in difference.getextrema())


@pytest.fixture(scope="module")
def fresh_icons(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("app-icon")
    generate_icons.write_icons(folder)
    return folder


def test_the_icon_folder_holds_what_the_script_writes_and_nothing_else() -> None:
    assert sorted(path.name for path in ICON_DIR.iterdir()) == sorted(generate_icons.output_names())


def test_the_windows_and_macos_icons_hold_every_size_they_are_asked_at() -> None:
    assert sorted(images_in(ICON_DIR / "tandem.ico")) == [
        (16, 1), (24, 1), (32, 1), (48, 1), (64, 1), (128, 1), (256, 1)
    ]  # fmt: skip
    assert sorted(images_in(ICON_DIR / "tandem.icns")) == [
        (16, 2), (32, 2), (128, 1), (128, 2), (256, 1), (256, 2), (512, 1), (512, 2)
    ]  # fmt: skip
    assert images_in(ICON_DIR / "tandem.icns")[(512, 2)].size == (1024, 1024)


@pytest.mark.parametrize("name", generate_icons.output_names())
def test_the_icon_file_is_what_the_svg_renders_now(name: str, fresh_icons: Path) -> None:
    committed, fresh = images_in(ICON_DIR / name), images_in(fresh_icons / name)
    assert committed.keys() == fresh.keys()
    for key, image in committed.items():
        assert image.size == fresh[key].size
        assert largest_step(image, fresh[key]) <= MAX_CHANNEL_STEP, (
            f"{name} at {key} is stale: run scripts/generate_icons.py"
        )
