"""``python -m nablab`` runs the command line."""

import sys

from nablab.cli import main

sys.exit(main())
