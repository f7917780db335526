"""Reading the members of a zip (an EPUB, a Word file) that may have been made to harm.

Every member's name is checked when the archive is opened, so a book with a
path that escapes its folder (``../../.bashrc``, ``/etc/passwd``) is refused
whole, even though nothing is ever written from it. A member is read in
chunks and stopped at its limit whatever its header claims, so a zip bomb
costs at most the limit; a member that compresses far better than text does
is refused before it is read.
"""

from __future__ import annotations

import html.entities
import io
import posixpath
import re
import zipfile

from lxml import etree

from narrator.errors import NarratorError

MAX_ARCHIVE_BYTES = 64 * 2**20
"""A book or a document with its pictures: Narrator reads only its text."""
MAX_MEMBER_BYTES = 32 * 2**20
"""One chapter or one document part, expanded."""
MAX_EXPANDED_BYTES = 256 * 2**20
"""Everything read from one archive, expanded."""
MAX_RATIO = 100
"""Text compresses about five to ten times; a member above this ratio (and over a
megabyte) is a bomb."""
MAX_MEMBERS = 20_000
_CHUNK = 2**16
_XML_ENTITIES = frozenset({b"amp", b"lt", b"gt", b"quot", b"apos"})
_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]*);")
_SAFE_XML = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_pis=True
)
"""Entities are never expanded (no billion laughs), nothing is fetched, no DTD is read."""


class Archive:
    """An opened zip whose members are read within the limits; ``path`` names it in errors."""

    def __init__(self, data: bytes, path: str) -> None:
        self.path = path
        self.read_bytes = 0
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as error:
            raise NarratorError(f"{path}: not a readable zip archive ({error})") from None
        if len(infos) > MAX_MEMBERS:
            raise NarratorError(f"{path}: {len(infos)} files inside; at most {MAX_MEMBERS}")
        self.infos = {}
        for info in infos:
            _check_name(info.filename, path)
            self.infos[info.filename] = info

    def names(self) -> list[str]:
        return list(self.infos)

    def has(self, name: str) -> bool:
        return name in self.infos

    def read(self, name: str) -> bytes:
        """The member's bytes; one missing, encrypted or too large is the user's error."""
        info = self.infos.get(name)
        if info is None:
            raise NarratorError(f"{self.path}: {name}: missing from the archive")
        if info.flag_bits & 0x1:
            raise NarratorError(f"{self.path}: {name}: encrypted with a password")
        limit = min(MAX_MEMBER_BYTES, MAX_EXPANDED_BYTES - self.read_bytes)
        if info.file_size > limit:
            raise self._too_large(name, info.file_size)
        if info.file_size > 2**20 and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise NarratorError(
                f"{self.path}: {name}: expands {info.file_size // max(1, info.compress_size)} "
                f"times over (a zip bomb?); at most {MAX_RATIO} times is read"
            )
        chunks = []
        size = 0
        try:
            with self.zip.open(info) as member:
                while chunk := member.read(_CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise self._too_large(name, size)
                    chunks.append(chunk)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as error:
            raise NarratorError(f"{self.path}: {name}: cannot be unpacked ({error})") from None
        self.read_bytes += size
        return b"".join(chunks)

    def xml(self, name: str) -> etree._Element:
        """A member as XML: well-formed, or the user's error at its line and column."""
        data = _ENTITY.sub(_html_entity, self.read(name))
        try:
            root = etree.fromstring(data, _SAFE_XML)
        except etree.XMLSyntaxError as error:
            line, column = error.position
            message = re.sub(r", line \d+, column \d+$", "", error.msg or "not well-formed")
            place = f"{self.path}: {name}:{line}:{column}"
            raise NarratorError(f"{place}: broken XML: {message}") from None
        if root is None:
            raise NarratorError(f"{self.path}: {name}: an empty XML file")
        return root

    def _too_large(self, name: str, size: int) -> NarratorError:
        return NarratorError(
            f"{self.path}: {name}: expands to more than {MAX_MEMBER_BYTES // 2**20} MB "
            f"({size / 2**20:.0f} MB or more); not read"
        )


def _check_name(name: str, path: str) -> None:
    """A member's name must stay inside the archive's own folder."""
    normal = posixpath.normpath(name.replace("\\", "/"))
    if (
        name.startswith(("/", "\\"))
        or (len(name) > 1 and name[1] == ":")
        or normal == ".."
        or normal.startswith("../")
        or "\x00" in name
    ):
        raise NarratorError(f"{path}: {name!r}: a path in the archive escapes its folder; not read")


def resolve(base: str, href: str) -> str:
    """The member a link in member ``base`` points to (``../Text/ch1.xhtml#x``)."""
    from urllib.parse import unquote

    target = unquote(href.split("#", 1)[0])
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), target))
    return joined.lstrip("/")


def _html_entity(match: re.Match[bytes]) -> bytes:
    """An HTML named entity (``&nbsp;``) as a character reference: books write them in
    XHTML, which knows only XML's five."""
    name = match.group(1)
    if name in _XML_ENTITIES:
        return match.group(0)
    character = html.entities.html5.get(f"{name.decode('ascii')};")
    if character is None or len(character) != 1:
        return match.group(0)
    return f"&#{ord(character)};".encode("ascii")
