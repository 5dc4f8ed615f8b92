"""The book of the business without any user interface: models, store, services, metrics.

Nothing under this package may import Qt or matplotlib (tests/core/test_boundaries.py).
"""
