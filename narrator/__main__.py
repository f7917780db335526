"""Lets ``python -m narrator`` behave exactly like the ``narrator`` command."""

import sys

from narrator.cli import main

sys.exit(main())
