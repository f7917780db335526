"""``narrator export --format epub|m4b|mp3``: the reference article as a talking book and
as audiobooks, checked by structure against what was said and when (the speech log)."""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from narrator.content.loader import load_article
from narrator.content.model import Article
from narrator.errors import NarratorError
from narrator.speech.export import export_script
from narrator.speech.export_formats import Captions, ExportOptions, Format, check_format
from narrator.speech.script import build_script

av = pytest.importorskip("av")
etree = pytest.importorskip("lxml.etree")
id3 = pytest.importorskip("mutagen.id3")

REFERENCE = Path(__file__).resolve().parents[1] / "content" / "anastrozole-dosing.yaml"
XHTML = "{http://www.w3.org/1999/xhtml}"
SMIL = "{http://www.w3.org/ns/SMIL}"
OPF = "{http://www.idpf.org/2007/opf}"
MILLI = 0.0015  # clock values are whole milliseconds


@dataclass(frozen=True)
class Book:
    folder: Path
    path: Path
    log: list[dict[str, object]]
    article: Article


def _export(folder: Path, audio_format: Format, captions: Captions | None = None) -> Book:
    article = load_article(REFERENCE)
    options = ExportOptions(audio_format, captions, captions is Captions.VTT, False, folder / "log")
    export_script(build_script(article), folder / "out", options, article=article)
    log = [json.loads(line) for line in (folder / "log").read_text().splitlines()]
    return Book(folder / "out", folder / "out" / f"{article.id}.{audio_format.value}", log, article)


@pytest.fixture(scope="module")
def epub(tmp_path_factory: pytest.TempPathFactory) -> Book:
    return _export(tmp_path_factory.mktemp("epub"), Format.EPUB)


@pytest.fixture(scope="module")
def m4b(tmp_path_factory: pytest.TempPathFactory) -> Book:
    return _export(tmp_path_factory.mktemp("m4b"), Format.M4B, Captions.VTT)


@pytest.fixture(scope="module")
def mp3(tmp_path_factory: pytest.TempPathFactory) -> Book:
    return _export(tmp_path_factory.mktemp("mp3"), Format.MP3, Captions.SRT)


def seconds(clock: str) -> float:
    hours, minutes, rest = clock.replace(",", ".").split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(rest)


def chapters_txt(book: Book) -> list[tuple[float, str]]:
    lines = (book.folder / "chapters.txt").read_text(encoding="utf-8").splitlines()
    return [(seconds(time), title) for time, title in (line.split("\t") for line in lines)]


def place_id(place: dict[str, object]) -> str:
    numbers = [place["block"], place["item"], place["sentence"]]
    return f"t-{place['section']}-" + "-".join("x" if n == -1 else str(n) for n in numbers)


def started(book: Book) -> Iterator[dict[str, object]]:
    return (event for event in book.log if event["event"] == "started")


def finished(book: Book) -> dict[str, float]:
    return {place_id(e["place"]): e["time"] for e in book.log if e["event"] == "finished"}


# --------------------------------------------------------------------- EPUB


def epubcheck() -> list[str] | None:
    """How to run epubcheck here (Debian's package is a jar), or None."""
    found = shutil.which("epubcheck")
    if found is None:
        return None
    if Path(found).resolve().suffix == ".jar":
        java = shutil.which("java")
        return [java, "-jar", str(Path(found).resolve())] if java else None
    return [found]


def test_the_epub_passes_epubcheck(epub: Book) -> None:
    command = epubcheck()
    if command is None:
        pytest.skip("epubcheck is not installed (apt-get install epubcheck)")
    result = subprocess.run([*command, str(epub.path)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 fatals / 0 errors / 0 warnings" in result.stdout


def test_every_sentence_has_one_clip_timed_as_the_speech_log(epub: Book) -> None:
    with zipfile.ZipFile(epub.path) as book:
        names = book.namelist()
        assert names[0] == "mimetype" and book.read("mimetype") == b"application/epub+zip"
        assert book.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        texts = sorted(n for n in names if n.startswith("OEBPS/text/"))
        overlays = sorted(n for n in names if n.startswith("OEBPS/overlays/"))
        assert len(texts) == len(overlays) == 6
        ids: list[str] = []
        clips: dict[str, list[tuple[float, float]]] = {}
        offset = 0.0
        for text, overlay in zip(texts, overlays, strict=True):
            document = etree.fromstring(book.read(text))
            ids += [e.get("id") for e in document.iter() if e.get("id", "").startswith("t-")]
            smil = etree.fromstring(book.read(overlay))
            audio_name = ""
            for par in smil.iter(f"{SMIL}par"):
                target = par.find(f"{SMIL}text").get("src")
                audio = par.find(f"{SMIL}audio")
                assert target.startswith(f"../text/{Path(text).name}#")
                audio_name = audio.get("src").removeprefix("../")
                span = (seconds(audio.get("clipBegin")), seconds(audio.get("clipEnd")))
                clips.setdefault(target.split("#")[1], []).append((offset, *span))
            with av.open(book.open(f"OEBPS/{audio_name}")) as sound:
                duration = sound.duration / 1_000_000
            assert abs(duration - span[1]) < 0.05  # the last clip ends with the audio
            offset += duration
    log = list(started(epub))
    ends = finished(epub)
    assert ids == [place_id(event["place"]) for event in log]  # every sentence, in order
    assert all(len(clips[i]) == 1 for i in ids) and set(clips) == set(ids)
    file_start = {}  # each audio file's start in the log: its first clip's
    for event in log:
        ((offset, begin, end),) = clips[place_id(event["place"])]
        file_start.setdefault(offset, event["time"] - begin)
        assert abs(file_start[offset] + begin - event["time"]) < MILLI
        assert abs(file_start[offset] + end - ends[place_id(event["place"])]) < MILLI
    # the audio files' own lengths agree, but for the last AAC frame each is padded to
    frame = 1024 / 22050
    for number, (offset, start) in enumerate(sorted(file_start.items())):
        assert start - MILLI <= offset <= start + frame * number + MILLI


def test_the_package_names_its_language_durations_and_accessibility(epub: Book) -> None:
    with zipfile.ZipFile(epub.path) as book:
        package = etree.fromstring(book.read("OEBPS/package.opf"))
        style = book.read("OEBPS/style.css").decode()
        nav = etree.fromstring(book.read("OEBPS/nav.xhtml"))
    meta = {}
    for element in package.iter(f"{OPF}meta"):
        meta.setdefault((element.get("property"), element.get("refines")), []).append(element.text)
    assert package.findtext(".//{http://purl.org/dc/elements/1.1/}language") == "en"
    assert meta[("schema:accessMode", None)] == ["textual", "auditory"]
    assert "synchronizedAudioText" in meta[("schema:accessibilityFeature", None)]
    assert meta[("schema:accessibilitySummary", None)][0]
    assert meta[("media:active-class", None)] == ["-epub-media-overlay-active"]
    assert ".-epub-media-overlay-active" in style
    per_overlay = [seconds(v[0]) for (p, r), v in meta.items() if p == "media:duration" and r]
    total = seconds(meta[("media:duration", None)][0])
    assert len(per_overlay) == 6 and abs(sum(per_overlay) - total) < 0.01
    assert abs(total - max(e["time"] for e in epub.log)) < 0.01
    links = [a.text for a in nav.iter(f"{XHTML}a")]
    assert links == [title for _, title in chapters_txt(epub)]  # the section tree, in order
    nested = nav.find(f".//{XHTML}li/{XHTML}ol")
    assert nested is not None  # subsections under their section


# --------------------------------------------------------------------- M4B


def test_the_m4b_has_a_chapter_per_section_as_chapters_txt(m4b: Book) -> None:
    with av.open(str(m4b.path)) as book:
        found = book.chapters()
        tags = book.metadata
        stream = book.streams.audio[0]
        assert stream.codec_context.name == "aac" and stream.sample_rate == 22050
    listed = chapters_txt(m4b)
    assert [c["metadata"]["title"] for c in found] == [title for _, title in listed]
    starts = [float(c["start"] * c["time_base"]) for c in found]
    assert all(abs(got - want) < MILLI for got, (want, _) in zip(starts, listed, strict=True))
    ends = [float(c["end"] * c["time_base"]) for c in found]
    assert ends[:-1] == starts[1:]  # one after the other, no gap
    assert tags["title"] == m4b.article.title
    assert tags["artist"] == m4b.article.source.attribution


# --------------------------------------------------------------------- MP3


def test_the_mp3_chapters_match_chapters_txt_and_nest_as_the_sections(mp3: Book) -> None:
    tag = id3.ID3(mp3.path)
    chapters = sorted(tag.getall("CHAP"), key=lambda chap: chap.start_time)  # ID3 keeps no order
    listed = chapters_txt(mp3)
    assert [c.sub_frames["TIT2"].text[0] for c in chapters] == [t for _, t in listed]
    assert [c.start_time for c in chapters] == [round(s * 1000) for s, _ in listed]
    tocs = {toc.element_id: toc for toc in tag.getall("CTOC")}
    top = tocs["toc"]
    assert top.flags & id3.CTOCFlags.TOP_LEVEL
    assert top.child_element_ids[:2] == ["chp-fundamentals", "toc-intermediate"]
    assert tocs["toc-intermediate"].child_element_ids[0] == "chp-intermediate"
    assert len(tocs["toc-intermediate"].child_element_ids) == 4
    assert tag["TIT2"].text[0] == mp3.article.title


# --------------------------------------------------------------------- captions


def cues(text: str) -> list[tuple[float, float, str]]:
    found = []
    for block in text.strip().split("\n\n"):
        lines = block.splitlines()
        if "-->" not in "".join(lines):
            continue
        timing = next(line for line in lines if "-->" in line)
        begin, end = timing.split(" --> ")
        found.append((seconds(begin), seconds(end), lines[-1]))
    return found


def test_the_captions_are_the_utterances_in_order_with_no_overlap(m4b: Book, mp3: Book) -> None:
    import re

    vtt = (m4b.folder / f"{m4b.article.id}.vtt").read_text(encoding="utf-8")
    srt = (mp3.folder / f"{mp3.article.id}.srt").read_text(encoding="utf-8")
    assert vtt.startswith("WEBVTT\n\n1\n00:00:00.000 --> ")
    assert srt.startswith("1\n00:00:00,000 --> ")
    for book, text in ((m4b, vtt), (mp3, srt)):
        found = cues(text)
        log = list(started(book))
        plain = [re.sub(r"<[^>]+>", "", cue).replace("&amp;", "&") for _, _, cue in found]
        assert plain == [" ".join(str(e["spoken"]).split()) for e in log]
        starts = zip(found, log, strict=True)
        assert all(abs(begin - e["time"]) < MILLI for (begin, _, _), e in starts)
        assert all(end <= following[0] for (_, end, _), following in itertools.pairwise(found))
        assert all(begin < end for begin, end, _ in found)


def test_webvtt_words_are_timed_inside_their_cue_in_order(m4b: Book) -> None:
    import re

    found = cues((m4b.folder / f"{m4b.article.id}.vtt").read_text(encoding="utf-8"))
    tagged = 0
    for begin, end, text in found:
        times = [seconds(t) for t in re.findall(r"<(\d\d:\d\d:\d\d\.\d{3})>", text)]
        tagged += len(times)
        assert all(begin < t < end for t in times)
        assert times == sorted(set(times))
    assert tagged > len(found) * 5  # most words are timed


# --------------------------------------------------------------------- refusals


def test_a_book_format_without_its_encoder_names_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for module, audio_format in (
        ("av", Format.M4B),
        ("lameenc", Format.MP3),
        ("lxml", Format.EPUB),
    ):
        monkeypatch.setitem(sys.modules, module, None)
        with pytest.raises(NarratorError, match=r"pip install 'narrator\[books\]'"):
            check_format(audio_format, None, False)
        monkeypatch.undo()


def test_captions_and_words_only_where_they_mean_something() -> None:
    with pytest.raises(NarratorError, match="EPUB carries its own text"):
        check_format(Format.EPUB, Captions.VTT, False)
    with pytest.raises(NarratorError, match="add --captions vtt"):
        check_format(Format.M4B, Captions.SRT, True)


def test_every_block_kind_is_in_the_epub_text_with_an_id_on_what_is_said() -> None:
    """A new kind of block must reach the talking book too (see test_block_kinds.py)."""
    from test_block_kinds import ONE_OF_EACH, _article

    from narrator.speech.epub_text import content_document, place_id

    for kind, block in ONE_OF_EACH.items():
        article = _article(block)
        script = build_script(article)
        places = {u.place for u in script.utterances}
        document = content_document(
            article, "Only", script.sections, script.utterances, places, "style.css"
        )
        ids = {element.get("id") for element in document.iter() if element.get("id")}
        assert {place_id(place) for place in places} <= ids, kind
