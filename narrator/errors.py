"""The one kind of error a user is shown: a line that names the place, never a traceback.

Every layer raises it (an article that cannot be read, a voice that is not
installed, a file that cannot be written), so it lives below them all.
"""

from __future__ import annotations


class NarratorError(Exception):
    """A problem to report to the user in one line, never as a traceback."""
