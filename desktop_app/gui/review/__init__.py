"""The weekly review: figures per ISO week over a chosen range."""
