"""Narrator: listen to articles in a terminal, steering with the keyboard alone."""

__version__ = "0.1.0"
