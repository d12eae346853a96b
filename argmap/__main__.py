"""``python -m argmap`` runs the command-line tool."""

import sys

from argmap.cli import main

if __name__ == "__main__":  # not when a worker process (argmap batch) imports it again
    sys.exit(main())
