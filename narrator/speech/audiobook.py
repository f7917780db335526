"""One-file audiobooks: AAC (M4A, M4B) through PyAV, MP3 through lameenc, with chapters.

Phone audiobook apps want one file that knows its chapters. An M4B gets a
chapter per section at every level, in reading order (MP4 chapters cannot
nest); an MP3 gets ID3 CHAP frames, one per section, and CTOC frames that
nest them as the sections nest. Both carry the article's title, its author
(the source's attribution) and its source as metadata, and nothing that
changes from run to run (no date, no random id), so the same article gives
the same bytes. The encoders come with ``pip install 'narrator[books]'``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from narrator.content.model import Article

if TYPE_CHECKING:
    from mutagen.id3 import TextFrame
from narrator.speech.audio import SAMPLE_BYTES, SAMPLE_RATE
from narrator.speech.export_tracks import Exported

AAC_BITRATE = 64_000
# FFmpeg's "fast" AAC coder encodes speech about five times faster than its default
# (some 170 times real time on one core) with no difference a listener hears.
MP3_KILOBITS = 48
FRAME_SAMPLES = 1024 * 16  # how much PCM is handed to the encoder at a time


@dataclass(frozen=True)
class Chapter:
    """A section's span in the file, in samples, and its place in the section tree."""

    id: str
    title: str
    start: int
    end: int
    parent: str | None


def chapters(exported: Sequence[Exported]) -> list[Chapter]:
    found, start = [], 0
    for item in exported:
        end = start + item.voiced.samples
        section = item.track.section
        found.append(Chapter(section.id, section.title, start, end, section.parent))
        start = end
    return found


def book_tags(article: Article) -> dict[str, str]:
    """The article's metadata under the names FFmpeg writes into MP4 atoms."""
    tags = {"title": article.title, "album": article.title, "genre": "Audiobook"}
    source = article.source
    if source is not None and source.attribution:
        tags["artist"] = tags["album_artist"] = source.attribution
    described = source_text(article)
    if described:
        tags["comment"] = described
    return tags


def source_text(article: Article) -> str:
    """Where the article comes from, in one line (title and address)."""
    source = article.source
    if source is None:
        return ""
    return " — ".join(part for part in (source.title, source.url) if part)


def _frames(pcm: bytes) -> Iterator[bytes]:
    step = FRAME_SAMPLES * SAMPLE_BYTES
    for offset in range(0, len(pcm), step):
        yield pcm[offset : offset + step]


def write_aac(
    path: Path,
    pcm: bytes,
    tags: dict[str, str] | None = None,
    marks: Sequence[Chapter] = (),
) -> None:
    """16-bit mono PCM as AAC in an MP4 (``.m4a`` or ``.m4b``), with ``marks`` as chapters."""
    import av

    with av.open(str(path), "w", format="ipod") as container:
        container.metadata.update(tags or {})
        stream = container.add_stream(
            "aac", rate=SAMPLE_RATE, layout="mono", options={"aac_coder": "fast"}
        )
        stream.bit_rate = AAC_BITRATE
        for piece in _frames(pcm):
            frame = av.AudioFrame(format="s16", layout="mono", samples=len(piece) // SAMPLE_BYTES)
            frame.planes[0].update(piece)
            frame.sample_rate = SAMPLE_RATE
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
        if marks:
            container.set_chapters(
                [
                    {
                        "id": number,
                        "start": mark.start,
                        "end": mark.end,
                        "time_base": Fraction(1, SAMPLE_RATE),
                        "metadata": {"title": mark.title},
                    }
                    for number, mark in enumerate(marks, start=1)
                ]
            )


def mp3_bytes(pcm: bytes) -> bytes:
    import lameenc

    encoder = lameenc.Encoder()
    encoder.set_bit_rate(MP3_KILOBITS)
    encoder.set_in_sample_rate(SAMPLE_RATE)
    encoder.set_channels(1)
    encoder.set_quality(2)
    return bytes(encoder.encode(pcm) + encoder.flush())


def write_m4b(path: Path, article: Article, exported: Sequence[Exported]) -> None:
    pcm = b"".join(part for item in exported for part in item.voiced.parts)
    write_aac(path, pcm, book_tags(article), chapters(exported))


def _millis(samples: int) -> int:
    return round(samples * 1000 / SAMPLE_RATE)


def write_mp3(path: Path, article: Article, exported: Sequence[Exported]) -> None:
    """The whole article as one MP3, with an ID3v2.4 tag holding its chapters."""
    from mutagen import id3

    path.write_bytes(mp3_bytes(b"".join(part for item in exported for part in item.voiced.parts)))
    tag = id3.ID3()
    tag.add(_utf8(id3.TIT2, article.title))
    tag.add(_utf8(id3.TALB, article.title))
    tag.add(_utf8(id3.TCON, "Audiobook"))
    tag.add(_utf8(id3.TLAN, article.language))
    source = article.source
    if source is not None and source.attribution:
        tag.add(_utf8(id3.TPE1, source.attribution))
    if source is not None and source.url:
        tag.add(id3.WOAS(url=source.url))
    if source_text(article):
        tag.add(
            id3.COMM(
                encoding=id3.Encoding.UTF8, lang="eng", desc="source", text=source_text(article)
            )
        )
    marks = chapters(exported)
    children: dict[str | None, list[Chapter]] = {}
    for mark in marks:
        children.setdefault(mark.parent, []).append(mark)
    for mark in marks:
        title = _utf8(id3.TIT2, mark.title)
        tag.add(
            id3.CHAP(
                element_id=f"chp-{mark.id}",
                start_time=_millis(mark.start),
                end_time=_millis(mark.end),
                sub_frames=[title],
            )
        )
        if mark.id in children:  # the section and its subsections, nested
            tag.add(
                id3.CTOC(
                    element_id=f"toc-{mark.id}",
                    flags=id3.CTOCFlags.ORDERED,
                    child_element_ids=[f"chp-{mark.id}"]
                    + [_element(child, children) for child in children[mark.id]],
                    sub_frames=[_utf8(id3.TIT2, mark.title)],
                )
            )
    tag.add(
        id3.CTOC(
            element_id="toc",
            flags=id3.CTOCFlags.TOP_LEVEL | id3.CTOCFlags.ORDERED,
            child_element_ids=[_element(top, children) for top in children.get(None, [])],
            sub_frames=[_utf8(id3.TIT2, article.title)],
        )
    )
    tag.save(str(path), v2_version=4)


def _utf8(frame: type[TextFrame], text: str) -> TextFrame:
    """An ID3 text frame in UTF-8 (ID3v2.4's own encoding)."""
    from mutagen import id3

    return frame(encoding=id3.Encoding.UTF8, text=text)


def _element(mark: Chapter, children: dict[str | None, list[Chapter]]) -> str:
    """A section's entry in its parent's table of contents: its own CTOC if it has
    subsections, else its CHAP."""
    return f"toc-{mark.id}" if mark.id in children else f"chp-{mark.id}"
