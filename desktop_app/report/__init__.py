"""The review on paper and in pictures: its charts, its summary page, its PDF and images.

Matplotlib, never Qt: the command line (`tandem review --pdf`) and the window share it. The
window imports on its GUI thread only the modules free of Matplotlib (`catalogue`,
`chart_image`, `formatting`, `summary`); the ones that draw are imported inside worker work,
since importing Matplotlib costs about 0.65 s.

Importing the package gives Matplotlib its lasting folder (`matplotlib_setup`) before any of
its modules can import Matplotlib, which reads that folder once, on import.
"""

from desktop_app.report import matplotlib_setup

matplotlib_setup.keep_font_cache()
