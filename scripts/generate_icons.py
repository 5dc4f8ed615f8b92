"""Render the app icon for the bundle and the desktop: `python scripts/generate_icons.py`.

resources/icons/tandem.svg becomes resources/app-icon/tandem-SIZE.png (the Linux icon theme's
sizes), tandem.ico (Windows) and tandem.icns (macOS). Every size is drawn from the SVG by Qt's
own SVG renderer rather than scaled down from a large one, so the small ones stay sharp; Pillow
(already there as a matplotlib dependency) writes the ICO and ICNS containers. Run it after
editing the SVG; tests/gui/test_app_icon.py fails while a file is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "tandem.svg"
OUTPUT_DIR = ROOT / "resources" / "app-icon"

PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
#: 256 px is the largest an ICO holds; 24 px is what Windows uses at 150 % for small icons.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: The sizes Pillow's ICNS writer stores (16 to 512 points, each also at @2x).
ICNS_SIZES = (32, 64, 128, 256, 512, 1024)


def png_name(size: int) -> str:
    return f"tandem-{size}.png"


def output_names() -> list[str]:
    """Every file this script writes into the output folder."""
    return [*(png_name(size) for size in PNG_SIZES), "tandem.ico", "tandem.icns"]


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    """The SVG drawn at `size`×`size` pixels, antialiased, with its transparency."""
    drawn = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    drawn.fill(Qt.GlobalColor.transparent)
    painter = QPainter(drawn)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    rgba = drawn.convertToFormat(QImage.Format.Format_RGBA8888)
    return Image.frombytes("RGBA", (size, size), bytes(rgba.constBits()))


def write_icons(output_dir: Path, svg: Path = SVG) -> None:
    """Write every PNG, the ICO and the ICNS of `svg` into `output_dir`."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("generate_icons: a QGuiApplication must exist to render the SVG")
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"generate_icons: {svg} is not an SVG Qt can draw")
    images = {size: render(renderer, size) for size in {*PNG_SIZES, *ICO_SIZES, *ICNS_SIZES}}
    output_dir.mkdir(parents=True, exist_ok=True)
    for size in PNG_SIZES:
        images[size].save(output_dir / png_name(size), "PNG")
    images[256].save(
        output_dir / "tandem.ico",
        "ICO",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=[images[size] for size in ICO_SIZES],
    )
    images[1024].save(
        output_dir / "tandem.icns", "ICNS", append_images=[images[size] for size in ICNS_SIZES]
    )


def main() -> int:
    QGuiApplication(["generate_icons", "-platform", "offscreen"])
    write_icons(OUTPUT_DIR)
    for name in output_names():
        print(f"{SVG.relative_to(ROOT)} -> {(OUTPUT_DIR / name).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
