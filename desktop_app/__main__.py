"""`python -m desktop_app` runs the same command line as the `tandem` script."""

import multiprocessing

from desktop_app.cli import run

if __name__ == "__main__":
    # The window draws its charts in a process of its own; a frozen bundle starts it anew
    # from this executable, which must then run that process's work, not the command line.
    multiprocessing.freeze_support()
    run()
