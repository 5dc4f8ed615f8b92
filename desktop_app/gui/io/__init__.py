"""Bringing a book in and taking it out from the window: import, its history, merge, export.

The File menu's actions live here (`file_actions.FileActions`), so the main window only adds
them; every read and write runs off the GUI thread through `desktop_app.gui.workers`.
"""
