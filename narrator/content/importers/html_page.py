"""A web page's text as a tree, what the page says about itself, and its main content.

Parsing is lxml's (libxml2's HTML parser, the one readability-lxml is built on,
so one tree serves both); it recovers from broken markup as a browser does, so
a page is refused only for what no browser would show as text: bytes that are
not in the page's declared encoding, a binary file, or a page with no text.

The main content is what the page itself marks as such (one ``<main>``, one
``role="main"``, one ``<article>``); a page that marks nothing is handed to
readability-lxml, whose choice is taken unless it keeps less than half the
words of the page's body (a page of many equal parts, such as a manual's
single-page edition, has no one best part: then the whole body is kept).
Navigation, banners, forms, scripts, styles, footers, cookie and consent
notices and anything hidden are dropped before either looks.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from narrator.content.build import LANGUAGE
from narrator.content.errors import ArticleError, Problem
from narrator.content.yamlnodes import position
from narrator.controls import visible

DROPPED_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "canvas",
    "svg",
    "button",
    "input",
    "select",
    "textarea",
    "form",
    "nav",
    "footer",
    "link",
    "meta",
    "head",
    "dialog",
)
DROPPED_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "search", "menu", "menubar", "toolbar", "dialog"}
)
CHROME = re.compile(r"(^|[-_ ])(cookie|consent|gdpr|skip-?link|breadcrumbs?|toc)($|[-_ ])", re.I)
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
READABILITY_SHARE = 0.5
"""readability's choice must keep at least this share of the body's words."""
_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w:.]+)|<\?xml[^>]+encoding\s*=\s*["']([-\w:.]+)""",
    re.I,
)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class PageFacts:
    title: str | None
    author: str | None
    url: str | None
    language: str | None


def decode_page(data: bytes, path: str) -> str:
    """The page's text: its byte-order mark, else its ``<meta charset>``, else UTF-8,
    else windows-1252 (what browsers assume of an undeclared page)."""
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ArticleError([Problem(path, 1, 1, "binary data (a NUL byte): not a web page")])
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return _decoded(data[len(bom) :], encoding, path, declared=True)
    declared = _CHARSET.search(data[:4096])
    if declared:
        name = (declared.group(1) or declared.group(2)).decode("ascii", "replace").lower()
        try:
            encoding = codecs.lookup(name).name
        except LookupError:
            raise ArticleError(
                [Problem(path, 1, 1, f"the page declares an unknown encoding '{name}'")]
            ) from None
        return _decoded(data, encoding, path, declared=True)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("windows-1252", "replace")


def _decoded(data: bytes, encoding: str, path: str, *, declared: bool) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        before = data[: error.start].decode(encoding, "replace")
        line, column = position(before, len(before))
        said = "declares" if declared else "uses"
        raise ArticleError(
            [Problem(path, line, column, f"the text is not valid {encoding}, as the page {said}")]
        ) from None


def parse_page(text: str, path: str) -> HtmlElement:
    """The page as a tree; a page with no text at all is the user's error. Control
    characters are made visible first, as every importer does."""
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses a declaration in a str
    text = visible(text.replace("\r\n", "\n").replace("\r", "\n"), keep_lines=True)
    if not text.strip():
        raise ArticleError([Problem(path, 1, 1, "the page is empty: there is no text to import")])
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as error:
        raise ArticleError([Problem(path, 1, 1, f"not a web page: {error}")]) from None


def page_facts(root: HtmlElement) -> PageFacts:
    """The title, author, canonical address and language the page states."""

    def meta(*names: str) -> str | None:
        for name in names:
            for element in root.iter("meta"):
                key = str(element.get("name") or element.get("property") or "").lower()
                content = " ".join(str(element.get("content", "")).split())
                if key == name and content:
                    return content
        return None

    title_element = root.find(".//title")
    title = " ".join(title_element.text_content().split()) if title_element is not None else ""
    url = None
    for link in root.iter("link"):
        if "canonical" in str(link.get("rel", "")).lower().split() and link.get("href"):
            url = str(link.get("href")).strip()
            break
    author = meta("author", "dc.creator", "article:author", "citation_author")
    return PageFacts(
        title=title or meta("og:title", "dc.title"),
        author=author,
        url=url or meta("og:url"),
        language=_language(root),
    )


def _language(root: HtmlElement) -> str | None:
    """The page's own ``lang``; else the one most of its passages are marked with."""
    for attribute in ("lang", "{http://www.w3.org/XML/1998/namespace}lang", "xml:lang"):
        tag = str(root.get(attribute, "")).strip()
        if LANGUAGE.match(tag):
            return tag
    body = root.find("body")
    marked = Counter(
        str(e.get("lang")).strip()
        for e in (body.iter() if body is not None else ())
        if isinstance(e.tag, str) and LANGUAGE.match(str(e.get("lang", "")).strip())
    )
    return marked.most_common(1)[0][0] if marked else None


def drop_chrome(root: HtmlElement) -> None:
    """Removes what is not the page's text: navigation, forms, scripts, footers,
    cookie notices, and whatever the page hides (XPath finds the candidates, so a
    big page's plain paragraphs are never looked at one by one)."""
    doomed = _CHROME_TAGS(root)
    for element in _ATTRIBUTED(root):
        if (
            set(str(element.get("role", "")).lower().split()) & DROPPED_ROLES
            or element.get("hidden") is not None
            or str(element.get("aria-hidden", "")).lower() == "true"
            or HIDDEN_STYLE.search(str(element.get("style", "")))
            or CHROME.search(f"{element.get('id', '')} {element.get('class', '')}")
        ):
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


_CHROME_TAGS = etree.XPath(
    "|".join(f"//{tag}" for tag in DROPPED_TAGS) + "|//comment()|//processing-instruction()"
)
_ATTRIBUTED = etree.XPath("//*[@role or @hidden or @aria-hidden or @style or @id or @class]")


def main_content(root: HtmlElement) -> HtmlElement:
    """The element holding the page's main text (see the module's rules)."""
    body = root.find("body")
    if body is None:
        body = root
    for candidates in (
        body.xpath(".//main|.//*[@role='main']"),
        [a for a in body.iter("article") if not any(p.tag == "article" for p in a.iterancestors())],
    ):
        if len(candidates) == 1:
            return candidates[0]
    return _readability_choice(body)


def _readability_choice(body: HtmlElement) -> HtmlElement:
    from readability import Document

    page = lxml.html.tostring(body, encoding="unicode")
    try:
        summary = Document(page).summary(html_partial=True)
        chosen = lxml.html.fragment_fromstring(summary, create_parent="div")
    except Exception:  # readability cannot read it: the whole body is the text
        return body
    if _count_words(chosen) < READABILITY_SHARE * _count_words(body):
        return body
    return chosen


def _count_words(element: HtmlElement) -> int:
    return len(_WORD.findall(element.text_content()))
