"""A small article built in code (so reading tests need no loader) and its script."""

from __future__ import annotations

from narrator.content.model import (
    Article,
    BulletList,
    GlossaryEntry,
    ListItem,
    Paragraph,
    Section,
)
from narrator.speech.script import build_script

GLOSSARY = (
    GlossaryEntry("estrogen levels", "Estrogen levels denote the measured concentrations."),
    GlossaryEntry(
        "testosterone replacement therapy",
        "Testosterone Replacement Therapy is a medical treatment.",
        aliases=("TRT",),
    ),
    GlossaryEntry("aromatase inhibitors", "Aromatase inhibitors block aromatase."),
    GlossaryEntry("when estrogen levels", "Transdermal estrogen can help.", teaser=True),
)

ARTICLE = Article(
    id="dosing",
    title="Dosing",
    sections=(
        Section(
            "fundamentals",
            "Fundamentals",
            (
                Paragraph("Estrogen levels matter. They change with age."),
                Paragraph("An aromatase inhibitor lowers them. TRT raises them."),
            ),
        ),
        Section(
            "intermediate",
            "Intermediate",
            (Paragraph("Dosing is precise."),),
            sections=(
                Section("titration", "Titration", (Paragraph("Titrate slowly. Test often."),)),
                Section(
                    "monitoring",
                    "Monitoring",
                    (
                        BulletList((ListItem("Check estrogen levels."), ListItem("Check bone."))),
                        Paragraph("When estrogen levels fall, bones suffer."),
                    ),
                ),
            ),
        ),
        Section("academic", "Academic", (Paragraph("Testosterone replacement therapy works."),)),
    ),
    glossary=GLOSSARY,
)


UTTERANCES = build_script(ARTICLE).utterances
