"""The interface's message catalogs: every message the code shows is in them, and translated in Arabic and Kurdish."""

from __future__ import annotations

import re
import string

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from figures.i18n import CATALOGS, DEFAULT, LANGUAGES
from tests.conftest import ROOT

TRANSLATED = [lang for lang in LANGUAGES if lang != DEFAULT]
LATIN = re.compile(r"[A-Za-z]")


def extracted() -> set[str]:
    """Messages in the code now, found the way `make messages` finds them (figures/locale/babel.cfg)."""
    method_map = [("figures/**.py", "python"), ("layouts/**.py", "python"), ("app.py", "python")]
    keywords = {"_": None, "gettext": None, "N_": None}
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map=method_map, keywords=keywords
    ):
        if message:
            found.add(message)
    return found


@pytest.fixture(scope="module")
def code_messages() -> set[str]:
    return extracted()


def catalog(lang: str):
    with open(CATALOGS / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle, locale=lang)


def placeholders(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def without_placeholders(text: str) -> str:
    return re.sub(r"\{[^{}]*\}", "", text)


def test_the_code_shows_messages(code_messages):
    assert len(code_messages) > 150, "extraction found too few messages: is babel.cfg still pointing at the code?"
    assert "No published figure" in code_messages


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_in_the_code_is_in_the_catalog(lang, code_messages):
    missing = sorted(code_messages - {m.id for m in catalog(lang) if m.id})
    assert not missing, f"{lang}: run `make messages` and translate: {missing[:10]}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_catalog_message_is_translated(lang):
    untranslated = [m.id for m in catalog(lang) if m.id and (not m.string or m.fuzzy)]
    assert not untranslated, f"{lang}: {len(untranslated)} untranslated, e.g. {untranslated[:5]}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_placeholders_and_use_no_latin_letters(lang):
    problems = []
    for message in catalog(lang):
        if not message.id or not message.string:
            continue
        if placeholders(message.id) != placeholders(message.string):
            problems.append(f"placeholders differ: {message.id!r} -> {message.string!r}")
        if LATIN.search(without_placeholders(message.string)):
            problems.append(f"Latin letters: {message.string!r}")
    assert not problems, problems[:10]


def test_sorani_uses_sorani_letters_not_arabic_substitutes():
    """ي ك ة are Arabic letters; Sorani writes ی ک ە (glossary: 'Sorani letters: do not substitute')."""
    wrong = [m.string for m in catalog("ckb") if m.string and re.search("[يكة]", m.string)]
    assert not wrong, wrong[:5]


def literal_messages_hidden_from_extraction() -> list[str]:
    """`gettext_for(lang)("text")` is translated at run time but invisible to `pybabel extract` (it looks for a
    function name before the parenthesis): such a message would never reach a catalog. Write `_("text")` after
    `_ = gettext_for(lang)`, or mark the literal with N_()."""
    import ast

    found = []
    for path in [*ROOT.glob("figures/*.py"), *ROOT.glob("layouts/*.py"), ROOT / "app.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Call) and node.args):
                continue
            if getattr(node.func.func, "id", "") == "gettext_for" and isinstance(
                node.args[0], ast.JoinedStr | ast.Constant
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_message_is_hidden_from_extraction():
    assert literal_messages_hidden_from_extraction() == []


def test_no_message_is_built_from_an_f_string():
    """_(f"...") would look up a different message for every value, and never find a translation."""
    import ast

    found = []
    for path in [*ROOT.glob("figures/*.py"), *ROOT.glob("layouts/*.py"), ROOT / "app.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("_", "N_") and node.args:
                if isinstance(node.args[0], ast.JoinedStr | ast.BinOp):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


@pytest.mark.parametrize(
    ("table", "column"),
    [("indicators", "label_ar"), ("indicators", "label_ckb"), ("drugs", "label_ar"), ("drugs", "label_ckb")],
)
def test_every_indicator_and_drug_is_named_in_arabic_and_kurdish(tables, table, column):
    names = getattr(tables, table)[column]
    assert names.notna().all() and (names.str.strip() != "").all(), f"{table}.{column} has empty names"
    assert not names.str.contains(LATIN).any(), list(names[names.str.contains(LATIN)])


def test_every_place_is_named_in_arabic_and_kurdish(tables):
    for column in ("name_ar", "name_ku"):
        names = tables.geographies[column]
        assert names.notna().all() and not names.str.contains(LATIN).any(), column
