"""Rewrite the README's table of the fields `tandem import --map` accepts from the importer's
synonyms (between the two `import-fields` markers). tests/core/test_import_reports.py fails
until it is run after a synonym changes."""

from pathlib import Path

from desktop_app.core.io.csv_import import fields_markdown

START, END = "<!-- import-fields:start -->", "<!-- import-fields:end -->"


def main() -> None:
    readme = Path(__file__).resolve().parent.parent / "README.md"
    text = readme.read_text(encoding="utf-8")
    head, _start, rest = text.partition(START)
    _old, _end, tail = rest.partition(END)
    readme.write_text(f"{head}{START}\n{fields_markdown()}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
