"""``python -m argmap`` runs the command-line tool."""

import sys

from argmap.cli import main

sys.exit(main())
