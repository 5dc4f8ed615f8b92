"""Forms generated from ui/*.ui by scripts/generate_qt.py: edit the .ui file, never these."""
