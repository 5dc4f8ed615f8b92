"""Bringing a book in and taking it out from the window: import, its history, merge, possible
duplicates, export.

The File menu's actions live here (`file_actions.FileActions`), so the main window only adds
them; every read and write goes through the window's operation layer, off the GUI thread, and
an import, its undo and a merge are actions Edit ▸ Undo takes back (`import_step`).
"""
