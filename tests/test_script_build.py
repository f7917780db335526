"""The script: reading order, announcements, places and the virtual sections."""

from __future__ import annotations

from types import MappingProxyType

import pytest

from narrator.content.model import (
    Article,
    BulletList,
    Callout,
    Figure,
    GlossaryEntry,
    ListItem,
    Paragraph,
    Reference,
    Section,
    Table,
)
from narrator.speech.lexicon import Lexicon
from narrator.speech.script import Script, build_script
from narrator.speech.settings import FigureVerbosity, Punctuation, Verbosity
from narrator.speech.utterance import Place, Role

HOWELL = (
    "Howell, A. et al. \u201cEffect of anastrozole on bone mineral density \u221e 5-year results"
    " from the \u2018Arimidex\u2019, Tamoxifen, Alone or in Combination (ATAC) trial.\u201d"
    " Journal of Clinical Oncology, vol. 23, no. 16S, 2005, pp. 511."
)
HAYES = (
    "Hayes, F. J. et al. \u201cAromatase inhibition in the human male reveals a hypothalamic"
    " site of estrogen feedback.\u201d Journal of Clinical Endocrinology & Metabolism, vol. 84,"
    " no. 11, 1999, pp. 4324-4328."
)


def article(**changes: object) -> Article:
    fields: dict[str, object] = {
        "id": "anastrozole-dosing",
        "title": "Anastrozole Dosing",
        "pronunciations": MappingProxyType({"Anastrozole": "an ASS troh zohl"}),
        "sections": (
            Section(
                "fundamentals",
                "Fundamentals",
                blocks=(
                    Paragraph("Estrogen matters. Anastrozole lowers it, e.g. in men."),
                    Callout("Balance is the first step."),
                    Figure("A pod with mesh. It signifies the HPG axis."),
                ),
            ),
            Section(
                "intermediate",
                "Intermediate",
                blocks=(Paragraph("Protocols vary."),),
                sections=(
                    Section(
                        "influence",
                        "How Does Anastrozole Influence Hormonal Balance?",
                        blocks=(
                            BulletList(
                                (
                                    ListItem(
                                        "Estrogen plays a vital role. Loss speeds up.",
                                        term="Bone Mineral Density Loss",
                                    ),
                                    ListItem("A plain item."),
                                )
                            ),
                        ),
                    ),
                    Section(
                        "overdosing",
                        "What Are the Consequences of Overdosing?",
                        blocks=(
                            Table(
                                header=("Hormonal State", "Anastrozole Dosing"),
                                rows=(
                                    ("Optimal Estrogen", "Correct, titrated dose"),
                                    ("Estrogen Excess", "Insufficient dose"),
                                ),
                            ),
                            Paragraph("Half-life is 40-50 hours."),
                        ),
                    ),
                ),
            ),
        ),
        "references": (Reference(HOWELL), Reference(HAYES)),
        "glossary": (
            GlossaryEntry(
                "cardiovascular health",
                "Cardiovascular health denotes the state of the heart. It matters.",
                figure="A sphere on green.",
            ),
            GlossaryEntry(
                "when estrogen levels",
                "Transdermal estrogen can improve symptoms.",
                teaser=True,
            ),
        ),
    }
    fields.update(changes)
    return Article(**fields)  # type: ignore[arg-type]


def lines(script: Script) -> list[tuple[Place | None, Role, str]]:
    return [(u.place, u.role, u.spoken) for u in script.utterances]


def spoken_at(script: Script, place: Place) -> str:
    index = script.index_of(place)
    assert index is not None and script.utterances[index].place == place
    return script.utterances[index].spoken


def test_sections_in_reading_order_with_virtual_references_and_glossary() -> None:
    script = build_script(article())
    assert [(s.id, s.depth, s.number, s.count, s.parent, s.virtual) for s in script.sections] == [
        ("fundamentals", 0, 1, 4, None, False),
        ("intermediate", 0, 2, 4, None, False),
        ("influence", 1, 1, 2, "intermediate", False),
        ("overdosing", 1, 2, 2, "intermediate", False),
        ("references", 0, 3, 4, None, True),
        ("glossary", 0, 4, 4, None, True),
    ]
    assert script.sections[-1].end == len(script)
    intermediate = script.section("intermediate")
    assert intermediate is not None
    assert intermediate.end == script.section("overdosing").end  # type: ignore[union-attr]


def test_headings_announce_their_position() -> None:
    script = build_script(article())
    heading = script.utterances[script.heading_index("intermediate")]
    assert heading.role is Role.HEADING
    assert heading.place == Place("intermediate", -1, 0, 0)
    assert heading.text == "Intermediate"
    assert heading.spoken == "Section 2 of 4: Intermediate."
    nested = script.utterances[script.heading_index("influence")]
    assert nested.spoken == (
        "Intermediate, section 1 of 2: How Does an ASS troh zohl Influence Hormonal Balance?"
    )


def test_paragraphs_are_one_utterance_per_sentence() -> None:
    script = build_script(article())
    first = script.section_utterances("fundamentals")[1:3]
    assert [(u.text, u.place, u.role) for u in first] == [
        ("Estrogen matters.", Place("fundamentals", 0, 0, 0), Role.PARAGRAPH),
        (
            "Anastrozole lowers it, e.g. in men.",
            Place("fundamentals", 0, 0, 1),
            Role.PARAGRAPH,
        ),
    ]
    assert first[1].spoken == "an ASS troh zohl lowers it, for example in men."


def test_callouts_and_figures_are_announced() -> None:
    script = build_script(article())
    assert spoken_at(script, Place("fundamentals", 1, 0, 0)) == "Quote: Balance is the first step."
    assert spoken_at(script, Place("fundamentals", 2, 0, 0)) == "Image: A pod with mesh."
    assert spoken_at(script, Place("fundamentals", 2, 0, 1)) == "It signifies the H.P.G axis."


def test_figure_verbosity_brief_and_off_keep_block_numbers() -> None:
    brief = build_script(article(), verbosity=Verbosity(figures=FigureVerbosity.BRIEF))
    figures = [u for u in brief.section_utterances("fundamentals") if u.role is Role.FIGURE]
    assert [u.spoken for u in figures] == ["Image: A pod with mesh."]
    off = build_script(article(), verbosity=Verbosity(figures=FigureVerbosity.OFF))
    assert not [u for u in off.utterances if u.role is Role.FIGURE]
    overdosing = off.section_utterances("overdosing")
    assert overdosing[-1].place == Place("overdosing", 1, 0, 0)


def test_lists_announce_their_size_then_each_item_with_its_term() -> None:
    script = build_script(article())
    utterances = script.section_utterances("influence")[1:]
    assert [(u.place, u.role, u.spoken) for u in utterances] == [
        (Place("influence", 0, -1, 0), Role.ANNOUNCEMENT, "List, 2 items."),
        (
            Place("influence", 0, 0, 0),
            Role.LIST_ITEM,
            "Bone Mineral Density Loss: Estrogen plays a vital role.",
        ),
        (Place("influence", 0, 0, 1), Role.LIST_ITEM, "Loss speeds up."),
        (Place("influence", 0, 1, 0), Role.LIST_ITEM, "A plain item."),
    ]
    assert utterances[1].text == "Bone Mineral Density Loss: Estrogen plays a vital role."


def test_tables_are_read_row_by_row_with_column_headers() -> None:
    script = build_script(article())
    utterances = script.section_utterances("overdosing")[1:4]
    assert utterances[0].role is Role.TABLE_CAPTION
    assert utterances[0].place == Place("overdosing", 0, -1, 0)
    assert utterances[0].spoken == "Table, 2 rows, 2 columns."
    assert utterances[1].text == "Optimal Estrogen | Correct, titrated dose"
    assert utterances[1].spoken == (
        "Hormonal State: Optimal Estrogen. an ASS troh zohl Dosing: Correct, titrated dose."
    )
    assert utterances[2].place == Place("overdosing", 0, 1, 0)


def test_table_caption_is_said_after_the_shape() -> None:
    table = Table(header=("A", "B"), rows=(("1", "2"),), caption="Dosing effects")
    script = build_script(article(sections=(Section("t", "T", blocks=(table,)),)))
    assert script.utterances[1].text == "Dosing effects"
    assert script.utterances[1].spoken == "Table, 1 row, 2 columns: Dosing effects."


def test_references_are_one_utterance_each_after_an_announcement() -> None:
    script = build_script(article())
    utterances = script.section_utterances("references")
    assert [u.role for u in utterances] == [Role.HEADING, Role.ANNOUNCEMENT] + [Role.REFERENCE] * 2
    assert utterances[1].spoken == "References, 2 items."
    assert utterances[2].text == HOWELL
    assert utterances[2].place == Place("references", 0, 0, 0)
    assert utterances[3].place == Place("references", 0, 1, 0)
    assert "pages four thousand three hundred and twenty four to four" in utterances[3].spoken


def test_glossary_entries_term_first_teasers_never_as_definitions() -> None:
    script = build_script(article())
    utterances = script.section_utterances("glossary")[1:]
    assert [(u.place, u.role, u.spoken) for u in utterances] == [
        (Place("glossary", 0, -1, 0), Role.ANNOUNCEMENT, "Glossary, 2 entries."),
        (
            Place("glossary", 0, 0, 0),
            Role.GLOSSARY_ENTRY,
            "cardiovascular health: Cardiovascular health denotes the state of the heart.",
        ),
        (Place("glossary", 0, 0, 1), Role.GLOSSARY_ENTRY, "It matters."),
        (Place("glossary", 0, 0, 2), Role.FIGURE, "Image: A sphere on green."),
        (
            Place("glossary", 0, 1, 0),
            Role.GLOSSARY_ENTRY,
            "when estrogen levels, related article: Transdermal estrogen can improve symptoms.",
        ),
    ]


def test_a_section_that_shows_references_reads_them_as_block_zero() -> None:
    shown = Section(
        "sources",
        "Sources",
        blocks=(Figure("A bone-like structure."),),
        shows="references",
    )
    script = build_script(article(sections=(shown,), glossary=()))
    assert [s.id for s in script.sections] == ["sources"]
    places = [u.place for u in script.utterances]
    assert places == [
        Place("sources", -1, 0, 0),
        Place("sources", 0, -1, 0),
        Place("sources", 0, 0, 0),
        Place("sources", 0, 1, 0),
        Place("sources", 1, 0, 0),
    ]
    assert script.utterances[0].spoken == "Section 1 of 1: Sources."


def test_every_place_is_set_and_unique() -> None:
    script = build_script(article())
    places = [u.place for u in script.utterances]
    assert None not in places
    assert len(set(places)) == len(places)


def test_index_of_finds_the_place_or_the_next_one_in_its_section() -> None:
    script = build_script(article(), verbosity=Verbosity(figures=FigureVerbosity.OFF))
    missing_figure = script.index_of(Place("fundamentals", 2, 0, 0))
    assert missing_figure == script.heading_index("intermediate")
    assert script.index_of(Place("fundamentals", 0, 0, 1)) == 2
    assert script.index_of(Place("nowhere", 0, 0, 0)) is None
    assert script.section_at(2).id == "fundamentals"


def test_the_user_lexicon_wins_over_the_article() -> None:
    user = Lexicon({"anastrozole": "a NAS tro zole"})
    script = build_script(article(), lexicon=user)
    assert "a NAS tro zole" in script.utterances[script.heading_index("influence")].spoken


def test_punctuation_verbosity_reaches_every_utterance() -> None:
    script = build_script(article(), verbosity=Verbosity(punctuation=Punctuation.ALL))
    assert any("left paren" in u.spoken for u in script.utterances)


def test_unknown_section_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        build_script(article()).section_utterances("nowhere")


def test_announcements_count_in_the_singular() -> None:
    one = article(
        sections=(Section("s", "S", blocks=(BulletList((ListItem("Only one."),)),)),),
        references=(Reference(HOWELL),),
        glossary=(GlossaryEntry("bone health", "Bone health is structure."),),
    )
    spoken = [u.spoken for u in build_script(one).utterances if u.role is Role.ANNOUNCEMENT]
    assert spoken == ["List, 1 item.", "References, 1 item.", "Glossary, 1 entry."]


def test_deeper_sections_name_their_parent() -> None:
    deep = Section("c", "Child", sections=(Section("g", "Grandchild"),))
    script = build_script(article(sections=(Section("p", "Parent", sections=(deep,)),)))
    heading = script.utterances[script.heading_index("g")]
    assert heading.spoken == "Child, section 1 of 1: Grandchild."
    assert script.section("g").depth == 2  # type: ignore[union-attr]


def test_a_term_with_no_text_is_still_said() -> None:
    empty = article(
        sections=(Section("s", "S", blocks=(BulletList((ListItem("", term="Fatigue"),)),)),),
        references=(),
        glossary=(),
    )
    items = [u for u in build_script(empty).utterances if u.role is Role.LIST_ITEM]
    assert [(u.text, u.spoken, u.place) for u in items] == [
        ("Fatigue", "Fatigue", Place("s", 0, 0, 0))
    ]


def test_only_a_callouts_first_sentence_is_announced() -> None:
    callout = Section("s", "S", blocks=(Callout("First point. Second point."),))
    script = build_script(article(sections=(callout,), references=(), glossary=()))
    assert [u.spoken for u in script.utterances[1:]] == ["Quote: First point.", "Second point."]
