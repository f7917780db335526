"""The speech subcommands of ``narrator``: ``script``, ``say``, ``voices`` and ``export``.

Each takes the parsed arguments and returns the process exit code; errors are
raised as ``NarratorError`` and turned into one line by ``narrator.cli``.
"""

from __future__ import annotations

import argparse


def script(args: argparse.Namespace) -> int:
    """Print the spoken script: one utterance per line, ``PLACE<TAB>SPOKEN``.

    PLACE is ``section/block.item.sentence`` (see ``narrator.speech.script``
    for the numbering: -1 as block is a heading, -1 as item the announcement
    that opens a list, table, references or glossary). It is what a listener
    checks when something sounds wrong, so it shows exactly what the voice
    is handed. ``--section ID`` limits it to that section and its subsections.
    """
    from narrator.content.errors import NarratorError
    from narrator.content.loader import load_article
    from narrator.speech.script import build_script

    built = build_script(load_article(args.path))
    if args.section is None:
        utterances = built.utterances
    elif built.section(args.section) is None:
        raise NarratorError(
            f"{args.path}: no section `{args.section}`; "
            f"`narrator outline {args.path}` lists the section ids"
        )
    else:
        utterances = built.section_utterances(args.section)
    for utterance in utterances:
        place = utterance.place
        assert place is not None
        print(f"{place.section}/{place.block}.{place.item}.{place.sentence}\t{utterance.spoken}")
    return 0
