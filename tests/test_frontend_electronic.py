"""Electronic text, identifiers, telephone numbers, markup, footnotes and letters:
realistic cases beyond the corpus, so each rule is known to generalize."""

from __future__ import annotations

import pytest

from narrator.speech.frontend.classes.electronic import sayable
from narrator.speech.frontend.readback import heard_numbers
from narrator.speech.spoken import spoken_form


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Set API_KEY=abc123 first.", "Set A.P.I underscore key equals abc one two three first."),
        ("The user_id column is indexed.", "The user underscore I.D column is indexed."),
        (
            "Use the LD_LIBRARY_PATH variable.",
            "Use the L.D underscore library underscore path variable.",
        ),
        ("Call getHttpResponse() twice.", "Call get H.T.T.P Response twice."),
        ("Echo $HOME now.", "Echo dollar home now."),
        ("See CHANGELOG.md for details.", "See change log dot M.D for details."),
        (
            "Open D:\\Data\\report.docx now.",
            "Open D colon backslash Data backslash report dot docx now.",
        ),
        ("Type cd .. twice.", "Type cd dot dot twice."),
        ("Create a virtualenv.sh file.", "Create a virtual env dot S.H file."),
    ],
)
def test_code_is_read_as_its_words(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize("name", ["DEBUG", "PATH", "README", "MAX", "ALL", "CONFIG", "TIMEOUT"])
def test_names_in_capitals_that_can_be_said_are_words(name: str) -> None:
    assert sayable(name)


@pytest.mark.parametrize("name", ["API", "URL", "HTTP", "NGINX", "ID", "SQL", "CPU", "AMQP"])
def test_names_in_capitals_that_cannot_be_said_are_spelled(name: str) -> None:
    assert not sayable(name)


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Docs live at https://example.org/docs/.", "Docs live at example dot org slash docs."),
        ("See github.io for pages.", "See github dot I.O for pages."),
        ("Mail a.smith@nhs.net today.", "Mail eh dot smith at N.H.S dot net today."),
        ("Install it with pyenv.sh.", "Install it with pyenv dot S.H."),
    ],
)
def test_addresses_are_read_electronically(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            "DOI: 10.1016/j.cell.2020.02.052",
            "D.O.I ten point one zero one six slash J dot cell dot two zero two zero dot "
            "zero two dot zero five two",
        ),
        (
            "See doi:10.1371/journal.pone.0212345.",
            "See D.O.I ten point one three seven one slash journal dot pone dot "
            "zero two one two three four five.",
        ),
        (
            "arXiv:1706.03762v5",
            "archive one seven zero six point zero three seven six two V five",
        ),
        ("ISSN 1474-547X", "I.S.S.N one four seven four, five four seven, X"),
        ("Order #12 shipped.", "Order number twelve shipped."),
        ("Bug #20451 is fixed.", "Bug number two zero four five one is fixed."),
        (
            "PLoS Med 2018; 15: e1002512.",
            "P.L.O.S Med twenty eighteen; fifteen: E one zero zero two five one two.",
        ),
        ("Use A4 paper.", "Use eh four paper."),
    ],
)
def test_identifiers_are_read_character_by_character(written: str, said: str) -> None:
    assert spoken_form(written) == said


def test_a_range_of_article_numbers_is_a_range() -> None:
    said = spoken_form("Circulation. 2020;141:e139\u2013e596.")
    assert said.endswith("E one three nine to E five nine six.")


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            "Call 1-888-555-0100 now.",
            "Call one, eight eight eight, five five five, zero one zero zero now.",
        ),
        (
            "Call 1 800 555 0199.",
            "Call one, eight hundred, five five five, zero one nine nine.",
        ),
        ("Dial 0800 800 800.", "Dial zero eight hundred, eight zero zero, eight zero zero."),
        ("Dial 988 for the crisis line.", "Dial nine eight eight for the crisis line."),
        ("Text HELP to 741741.", "Text help to seven four one seven four one."),
        ("Call 3 times if needed.", "Call three times if needed."),
    ],
)
def test_telephone_numbers_are_said_digit_by_digit(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            "This was first reported in 1987\u00b9.",
            "This was first reported in nineteen eighty seven, note one.",
        ),
        ("Rates rose in 2020\u00b2,\u00b3.", "Rates rose in twenty twenty, notes two and three."),
        ("The effect was significant\u00b2.", "The effect was significant, note two."),
        ("The value is 10\u00b2 here.", "The value is ten squared here."),
    ],
)
def test_superscript_notes_after_words_and_years(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    "written", ["x = 2019\u00b2", "E = mc\u00b2", "The area is \u03c0r\u00b2."]
)
def test_a_superscript_after_a_formula_is_no_note(written: str) -> None:
    assert "note" not in spoken_form(written)


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("> Warning: do not mix.", "Warning: do not mix."),
        (">> Nested quote.", "Nested quote."),
        ("- Take 5 mg daily", "Take five milligrams daily"),
        ("* Rest well.", "Rest well."),
        ("Click [here](https://x.org/a) to read.", "Click here to read."),
        ("![A chart](chart.png) shows it.", "A chart shows it."),
        ("A ~~bad~~ good idea.", "A bad good idea."),
    ],
)
def test_markup_is_silent(written: str, said: str) -> None:
    assert spoken_form(written) == said


def test_a_minus_at_the_start_is_still_a_minus() -> None:
    assert heard_numbers(spoken_form("-5 \u00b0C overnight")) == [-5]


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Enter your PIN now.", "Enter your pin now."),
        ("Start an ACE inhibitor.", "Start an ace inhibitor."),
        ("Insert the SIM card.", "Insert the sim card."),
        ("Search the MeSH terms.", "Search the mesh terms."),
        ("NASA's budget grew.", "NASA's budget grew."),
    ],
)
def test_short_acronyms_said_as_words_go_to_the_voice_in_lower_case(
    written: str, said: str
) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Take a vitamin A supplement.", "Take a vitamin eh supplement."),
        ("Group A strep was found.", "Group eh strep was found."),
        ("We saw A and B.", "We saw eh and B."),
        ("Grades A to C passed.", "Grades eh to C passed."),
        ("A patient was seen.", "A patient was seen."),
        ("A. Smith wrote it.", "A, Smith wrote it."),
    ],
)
def test_a_lone_a_is_the_letter_after_a_label_or_before_no_noun(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            "N Engl J Med. 2020;382(8):727-733.",
            "three hundred and eighty two, issue eight, pages seven hundred and twenty seven "
            "to seven hundred and thirty three.",
        ),
        (
            "PLoS Med. 2018;15(3):e1002512.",
            "fifteen, issue three, page E one zero zero two five one two.",
        ),
    ],
)
def test_volume_issue_and_pages_of_a_reference(written: str, said: str) -> None:
    assert spoken_form(written).endswith(said)


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            "Several trials\u00b9\u207b\u00b3 showed benefit.",
            "Several trials, notes one to three, showed benefit.",
        ),
        ("This is known.\u00b9", "This is known. note one"),
        ("It&rsquo;s fine &mdash; really.", "It's fine, really."),
        ("Our WiFi is slow.", "Our wifi is slow."),
        (
            "Call (020) 7946 0958 today.",
            "Call zero two zero, seven nine four six, zero nine five eight today.",
        ),
        (
            "Ring 0161 496 0000 now.",
            "Ring zero one six one, four nine six, zero zero zero zero now.",
        ),
    ],
)
def test_more_notes_entities_and_numbers(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "values"),
    [("Patients (n=120) were enrolled.", [120]), ("It was significant (p=0.05).", [0.05])],
)
def test_a_study_number_after_an_equals_sign_is_a_number(written: str, values: list[float]) -> None:
    assert [float(value) for value in heard_numbers(spoken_form(written))] == values


@pytest.mark.parametrize(
    ("written", "values"),
    [("We will call 150 patients.", [150]), ("Call 200 people back.", [200])],
)
def test_a_count_after_call_is_a_number(written: str, values: list[int]) -> None:
    assert heard_numbers(spoken_form(written)) == values


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("as shown before<sup>3</sup>.", "as shown before, note three."),
        ("Trials<sup>2,3</sup> agree", "Trials, notes two and three, agree"),
        ("Risk fell 40%<sup>2</sup>.", "Risk fell forty percent, note two."),
        ("x<sup>n</sup> grows", "x to the n grows"),
    ],
)
def test_a_superscript_tag_is_a_note_after_a_word_and_a_power_after_a_number(
    written: str, said: str
) -> None:
    assert spoken_form(written) == said


def test_a_power_in_a_superscript_tag_keeps_its_sign() -> None:
    assert heard_numbers(spoken_form("about 10<sup>-3</sup> of them")) == [10, -3]


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Use Object.keys(obj) here.", "Use Object dot keys obj here."),
        ("Create it with np.array.", "Create it with N.P dot array."),
        ("The getElementById call fails.", "The get Element By I.D call fails."),
        ("See e.g. this.", "See for example this."),
    ],
)
def test_dotted_names_in_code(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("The rate fell [12, 13].", "The rate fell, notes twelve and thirteen."),
        ("as described in [12].", "as described in note twelve."),
        ("Smith [3] found it.", "Smith, note three, found it."),
        ("x in [0, 1]", "x in (zero, one)"),
    ],
)
def test_a_bracketed_reference_after_a_space(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Run git clone <url> now.", "Run git clone url now."),
        ("Replace <command-name> first.", "Replace command name first."),
        ("Click <b>Save</b> now.", "Click Save now."),
        ("Line one<br>line two.", "Line one line two."),
    ],
)
def test_html_tags_are_silent_and_placeholders_are_said(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            "Call pp.ParserElement.set_default() first.",
            "Call P.P dot Parser Element dot set underscore default first.",
        ),
        ("Use np.random.Generator now.", "Use N.P dot random dot Generator now."),
        ("It ended.Then it began.", "It ended.Then it began."),
    ],
)
def test_dotted_names_with_capitalised_parts(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Call 111 or 999.", "Call one one one or nine nine nine."),
        ("Take 100 or 200 mg.", "Take one hundred or two hundred milligrams."),
    ],
)
def test_a_second_number_to_call(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("16 GB of RAM is enough.", "sixteen gigabytes of ram is enough."),
        ("A SWOT analysis.", "A SWOT analysis."),
        ("The WHO said so.", "The W.H.O said so."),
    ],
)
def test_common_acronyms_said_as_words(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Requires Django >= 4.2.", "Requires Django greater than or equal to four point two."),
        ("numpy==1.26.4 is pinned.", "numpy equals one point twenty six point four is pinned."),
        ("if a != b then", "if a not equal to b then"),
    ],
)
def test_operators_written_with_two_marks(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [("H\u2082O and CO\u2082", "H two O and C.O two"), ("NO\u2082 levels", "N.O two levels")],
)
def test_a_formula_keeps_its_subscripts(written: str, said: str) -> None:
    assert spoken_form(written) == said


def test_a_charge_after_a_formula_is_no_note() -> None:
    assert "note" not in spoken_form("The SO\u2084\u00b2\u207b ion")


def test_letters_with_a_lower_case_letter_and_digits_are_spelled() -> None:
    assert spoken_form("IPv6 addresses.") == "I.P.V six addresses."


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Put the folder on your PATH first.", "Put the folder on your path first."),
        ("WARNING: this deletes the cache.", "warning: this deletes the cache."),
        ("Read CONTRIBUTING before a pull request.", "Read contributing before a pull request."),
        ("The TODO list grows.", "The to do list grows."),
        ("Keep the NEWS file short.", "Keep the news file short."),
        ("Set LOG_DIR to a folder.", "Set log underscore dir to a folder."),
    ],
)
def test_words_in_capitals_and_underscores_are_read_electronically(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Dilute it 1:10,000 in saline.", "Dilute it one to ten thousand in saline."),
        ("Meet at 9:45, then lunch.", "Meet at nine forty five, then lunch."),
    ],
)
def test_a_ratio_with_a_thousands_group_is_no_time(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            "Copy it to $XDG_DATA/fonts first.",
            "Copy it to dollar X.D.G underscore data slash fonts first.",
        ),
        ("Run cd $(git rev-parse) now.", "Run cd dollar (git rev-parse) now."),
        ("Print ${name} twice.", "Print dollar name twice."),
        ("$ git status", "git status"),
        (
            "It costs $12 and $3.5m.",
            "It costs twelve dollars and three point five million dollars.",
        ),
        (
            "wget -qO- example.org/setup | sh",
            "wget dash Q O dash example dot org slash setup pipe sh",
        ),
        ("tar xzf - < backup", "tar xzf dash less than backup"),
        ("Cells a | b | c here.", "Cells a b c here."),
        ("npm test -- --watch", "npm test dash dash dash dash watch"),
        ("Wait - then go.", "Wait, then go."),
        ("items.map((item) => item.id)", "items dot map((item) arrow item dot I.D)"),
    ],
)
def test_shell_syntax_is_read_as_a_person_reads_a_command(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Node 18.x is supported.", "Node eighteen point x is supported."),
        (
            "Works on 1.2.0-1.4.x only.",
            "Works on one point two point zero to one point four point x only.",
        ),
        ("rbenv install 3.20", "rbenv install three point twenty"),
        ("The 4.10 release is out.", "The four point ten release is out."),
        ("Tested on 1.4.11 today.", "Tested on one point four point eleven today."),
        ("Open lib/ruby3.10/gems now.", "Open lib slash ruby three point ten slash gems now."),
        ("Costs fell 2.10 points.", "Costs fell two point one zero points."),
    ],
)
def test_versions_are_said_part_by_part(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Edit pkg/helpers next.", "Edit pkg slash helpers next."),
        ("See tools/make-release first.", "See tools slash make-release first."),
        ("Choose read/write access.", "Choose read or write access."),
        ("See GUIDE.md#first-steps first.", "See guide dot M.D hash first steps first."),
    ],
)
def test_a_slash_in_a_path_is_slash_and_between_words_or(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("==============", ""),
        ("~ ~ ~", ""),
        ("-->", ""),
        ("Source it from .profile.", "Source it from dot profile."),
        ("Edit `~/.vimrc` first.", "Edit tilde slash dot vimrc first."),
        ("Run grep -R here.", "Run grep dash R here."),
        ("Read $Env:TEMP there.", "Read dollar Env colon temp there."),
        ("See STYLE_OF_CODE.md now.", "See style underscore of underscore code dot M.D now."),
    ],
)
def test_rulers_comment_ends_dotfiles_and_options(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("A line that starts with # is a comment.", "A line that starts with hash is a comment."),
        ('Quote the "{" sign.', "Quote the left brace sign."),
        ("Read sys.argv[0] first.", "Read sys dot argv(zero) first."),
    ],
)
def test_marks_written_alone_are_named(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Replace {user} with your name.", "Replace left brace user right brace with your name."),
        ("Run git push origin HEAD now.", "Run git push origin head now."),
    ],
)
def test_placeholders_and_git_words_in_capitals(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            "[[ -f $CONF ]] && exit",
            "left bracket left bracket dash F dollar conf right bracket right bracket and exit",
        ),
        ("value {string|null} The name.", "value (string or null) The name."),
    ],
)
def test_test_brackets_and_type_unions(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Copy it to <install dir>/lib today.", "Copy it to install dir slash lib today."),
        ("Call tool -n <count> here.", "Call tool dash N count here."),
        ('Keep <span class="x">this</span> quiet.', "Keep this quiet."),
    ],
)
def test_placeholders_in_angle_brackets_are_said(written: str, said: str) -> None:
    assert spoken_form(written) == said


def test_a_glob_in_a_path_names_its_star() -> None:
    assert spoken_form("Delete docs/*.tmp first.") == "Delete docs slash star dot T.M.P first."


def test_two_capitalised_names_with_a_slash_are_alternatives() -> None:
    assert spoken_form("Use Fish/Zsh here.") == "Use Fish or Zsh here."


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            "Ruby 3.1, 3.2 and 3.10 pass.",
            "Ruby three point one, three point two and three point ten pass.",
        ),
        (
            "Means were 3.10 and 2.15 here.",
            "Means were three point one zero and two point one five here.",
        ),
    ],
)
def test_versions_listed_after_a_named_one(written: str, said: str) -> None:
    assert spoken_form(written) == said


def test_a_name_with_leading_underscores_names_its_inner_ones() -> None:
    assert (
        spoken_form("Define _WIN32_LEAN first.") == "Define win thirty two underscore lean first."
    )


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Run npm exec --yes tool -- input.", "Run npm exec dash dash yes tool dash dash input."),
        ("It failed -- twice, in fact.", "It failed, twice, in fact."),
    ],
)
def test_a_double_dash_after_an_option_ends_the_options(written: str, said: str) -> None:
    assert spoken_form(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Add #[derive(Debug)] above it.", "Add hash(derive(Debug)) above it."),
        (
            "Call serde::json::from_str here.",
            "Call serde colon colon json colon colon from underscore S.T.R here.",
        ),
    ],
)
def test_rust_paths_and_attributes(written: str, said: str) -> None:
    assert spoken_form(written) == said


def test_a_clock_with_no_seconds_past_the_minute_does_not_say_them() -> None:
    assert spoken_form("Logged at 14:00:00 today.") == "Logged at fourteen hundred today."


def test_between_commands_double_ampersand_and_bars_are_and_and_or() -> None:
    said = spoken_form("cd ~/.pyenv && make || exit 1")
    assert said == "cd tilde slash dot pyenv and make or exit one"
