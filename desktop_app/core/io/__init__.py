"""Files in and out of a book: calendar export, CSV import and export, whole-book JSON."""
