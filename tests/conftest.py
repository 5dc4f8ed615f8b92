"""Settings for every test run: the window tests draw off screen, whoever runs them."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
