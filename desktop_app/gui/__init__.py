"""The PySide6 window. Only this package imports Qt; it changes a book through core services."""
