"""A small article and its utterances, built in code so reading tests need no loader."""

from __future__ import annotations

from narrator.content.model import (
    Article,
    BulletList,
    GlossaryEntry,
    ListItem,
    Paragraph,
    Section,
)
from narrator.speech.sentences import sentences
from narrator.speech.utterance import Place, Role, Utterance

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


def _block_utterances(section: str, number: int, block: object) -> list[Utterance]:
    if isinstance(block, BulletList):
        return [
            Utterance(item.text, item.text, Place(section, number, item_number), Role.LIST_ITEM)
            for item_number, item in enumerate(block.items)
        ]
    assert isinstance(block, Paragraph)
    return [
        Utterance(text, text, Place(section, number, 0, sentence), Role.PARAGRAPH)
        for sentence, text in enumerate(sentences(block.text))
    ]


def utterances_of(article: Article) -> list[Utterance]:
    """Headings, then each block's sentences, then the glossary as its own section."""
    found: list[Utterance] = []
    for _, section in article.walk():
        found.append(Utterance(section.title, section.title, Place(section.id), Role.HEADING))
        for number, block in enumerate(section.blocks):
            found += _block_utterances(section.id, number, block)
    if article.glossary:
        found.append(Utterance("Glossary", "Glossary", Place("glossary"), Role.HEADING))
        for number, entry in enumerate(article.glossary):
            text = f"{entry.term}: {entry.definition}"
            found.append(Utterance(text, text, Place("glossary", 0, number), Role.GLOSSARY_ENTRY))
    return found


UTTERANCES = utterances_of(ARTICLE)
