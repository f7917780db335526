"""Shell syntax in commands and in the prose about them, read the way a person
reads a command out: "$HOME/.pyenv" is "dollar home slash dot pyenv",
"$(pyenv root)/versions" is "dollar pyenv root slash versions", "${code}" is
"dollar code"; the prompt of "$ pyenv version" is not said (it only shows
that a command follows); "curl … | bash" is "pipe"; a lone "-" argument
("pyenv init -") is "dash", and "cargo fmt -- --check" "dash dash".

Money is never taken: "$" before a digit is left to ``money``. The marks that
are also prose ("-", "--", "|") are taken only where the line shows it is a
command: a lone dash at the end of a command or inside "$( )", and a pipe
between two commands on a line that has only one (a table row has several);
a bar between types in braces ("{Error|any}") is "or".
"""

from __future__ import annotations

import re

from narrator.speech.frontend.classes.electronic import electronic_words
from narrator.speech.frontend.language import Language
from narrator.speech.frontend.rule import Context, Found, Rule
from narrator.speech.frontend.span import SemioticClass

_DOLLAR = "dollar"
_PIPE = "pipe"
_DASH = "dash"
# A "$(" whose ")" has not come yet: the text is inside a command substitution.
_OPEN_SUBSTITUTION = re.compile(r"\$\([^()]*$")


def _line_of(found: Found) -> str:
    """The written line that ``found`` is on."""
    start = found.text.rfind("\n", 0, found.start) + 1
    end = found.text.find("\n", found.end)
    return found.text[start : len(found.text) if end < 0 else end]


def _say_variable(found: Found, context: Context) -> str:
    """ "$PYENV_ROOT/bin" is "dollar pyenv underscore root slash bin", and
    PowerShell's "$Env:HOME" "dollar env colon home"."""
    name = found.group("name") or ""
    return f"{_DOLLAR} {electronic_words(name, context.language, code=True)}"


def _say_dollar(found: Found, context: Context) -> str:
    """ "$(" and "${" open a command or a parameter: "dollar"; the brackets are pauses."""
    return f"{_DOLLAR} "


def _say_prompt(found: Found, context: Context) -> str:
    """A prompt only shows that a command follows; a reader does not say it."""
    return ""


def _say_pipe(found: Found, context: Context) -> str | None:
    """One pipe between two commands is "pipe"; several on a line are a table's cells."""
    if _line_of(found).count(" | ") != 1:
        return None
    return _PIPE


def _say_lone_dash(found: Found, context: Context) -> str | None:
    """ "pyenv init -" (standard input or output) is "dash": at the end of a command,
    before its closing bracket, a pipe or a redirection, or anywhere inside "$( )". A spaced
    dash elsewhere is prose's pause."""
    after = found.after
    rest_of_line = after.split("\n", 1)[0]
    if (
        _OPEN_SUBSTITUTION.search(found.before)
        or re.match(r"\s*(?:[)\"'`<>]|\|\s|$)", after)
        or " | " in rest_of_line
    ):
        return _DASH
    return None


_OPTION_BEFORE = re.compile(r"(?<!\S)--?[a-z][\w-]*\s")


def _say_double_dash(found: Found, context: Context) -> str | None:
    """ "cargo fmt -- --check", "cargo run --bin rustfmt -- filename": the end of a
    command's options, before another option or after one on the same line. A
    spaced "--" elsewhere is prose's dash, a pause."""
    if found.after.startswith(" -"):
        return f"{_DASH} {_DASH}"
    line_before = found.before.rsplit("\n", 1)[-1]
    if _OPTION_BEFORE.search(line_before):
        return f"{_DASH} {_DASH}"
    return None


def _say_test_brackets(found: Found, context: Context) -> str:
    """ "[[ -d $DIR ]]" is a test in brackets; a reader names them."""
    side = "left" if found.written == "[[" else "right"
    return f" {side} bracket {side} bracket "


def _say_type_union(found: Found, context: Context) -> str | None:
    """ "{Error|any}" names the types a value may have: "Error or any"."""
    line_before = found.before.rsplit("\n", 1)[-1]
    if line_before.rfind("{") <= line_before.rfind("}"):
        return None
    return " or "


def rules(language: Language) -> list[Rule]:
    return [
        Rule(
            "shell: test brackets",
            SemioticClass.ELECTRONIC,
            r"(?:^|(?<=[\s'\"]))\[\[(?= )|(?<= )\]\](?=$|[\s;'\"])",
            _say_test_brackets,
        ),
        Rule(
            "shell: type union",
            SemioticClass.ELECTRONIC,
            r"\|(?=[^{}\n]*\})",
            _say_type_union,
        ),
        Rule(
            "shell: prompt",
            SemioticClass.ELECTRONIC,
            r"(?:^|(?<=\n))\$ (?=[a-z])",
            _say_prompt,
        ),
        Rule(
            "shell: variable",
            SemioticClass.ELECTRONIC,
            r"(?<![\w$\\])\$\{?(?P<name>[A-Za-z_]\w*(?::[A-Za-z_]\w*)?(?:[./][\w.@+-]*[\w])*)\}?"
            r"(?![\w({])",
            _say_variable,
        ),
        Rule(
            "shell: command or parameter",
            SemioticClass.ELECTRONIC,
            r"(?<![\w$\\])\$(?=[\"']?[({][^\d\s])",
            _say_dollar,
        ),
        Rule(
            "shell: pipe",
            SemioticClass.ELECTRONIC,
            r"(?<=\S )\|(?= [a-z])",
            _say_pipe,
        ),
        Rule(
            "shell: lone dash",
            SemioticClass.ELECTRONIC,
            r"(?<=[a-z] )-(?=[\s)\"'`]|$)",
            _say_lone_dash,
        ),
        Rule(
            "shell: end of options",
            SemioticClass.ELECTRONIC,
            r"(?<=[a-z] )--(?= -| [a-z])",
            _say_double_dash,
        ),
    ]
