"""The text front end: written text in, what a careful human reader says out.

See ``normalize`` for the pipeline and ``classes`` for the semiotic classes.
"""
