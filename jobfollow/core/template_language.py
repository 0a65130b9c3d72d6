"""Which letter template file to use for a language, and what to tell the user when it falls back.

Templates live in ``resources/templates/<lang>/<key>.txt`` (``en`` is complete; other languages may
lag behind). ``pick_template("withdraw", "de_AT")`` tries ``de_AT``, then ``de``, then ``en``; the
result says which file was found and whether the editor should say that it fell back to English.
The letter's language also picks its spell-check dictionary (``spellcheck_language``). Pure: no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError

from jobfollow.i18n import _, current_language

FALLBACK_LANGUAGE = "en"
TEMPLATE_SUFFIX = ".txt"
# Dictionaries bundled with pyspellchecker 0.9
SPELLCHECK_LANGUAGES = frozenset({"en", "es", "fr", "de", "pt", "it", "ru", "ar", "lv", "eu", "nl", "fa"})


def templates_root() -> Path:
    from jobfollow.paths import resource_path

    return resource_path("templates")


def language_chain(language: str | None) -> list[str]:
    """Folders to look in, most specific first: "de_AT" -> ["de_AT", "de", "en"]."""
    chain: list[str] = []
    if language:
        normalized = language.replace("-", "_").split(".")[0]
        chain += [normalized, normalized.split("_")[0].lower()]
    chain.append(FALLBACK_LANGUAGE)
    return list(dict.fromkeys(chain))


def language_name(language: str, in_language: Locale | None = None) -> str:
    """"German" / "Deutsch" / "allemand": a language's name as the interface language says it."""
    try:
        return Locale.parse(language).get_display_name(in_language or Locale.parse(current_language())) or language
    except (ValueError, UnknownLocaleError):
        return language


@dataclass(frozen=True)
class TemplateChoice:
    key: str
    requested: str  # the language the letter was asked in ("de")
    language: str  # the language of the file found ("en" after a fallback)
    path: Path | None  # None: no template with this key in any language

    @property
    def fell_back(self) -> bool:
        return self.path is not None and self.language.split("_")[0] != self.requested.split("_")[0]

    def notice(self) -> str:
        """One line for the letter editor; empty when the template is in the language asked for."""
        if self.path is None:
            return _("There is no template named {key}.").format(key=self.key)
        if not self.fell_back:
            return ""
        return _("This template has no {language} version yet, so it starts in English; "
                 "translate it as you edit.").format(language=language_name(self.requested))

    def read(self) -> str:
        if self.path is None:
            raise FileNotFoundError(self.key)
        return self.path.read_text(encoding="utf-8")


def pick_template(key: str, language: str | None, root: Path | None = None) -> TemplateChoice:
    """The template file for ``key`` in ``language`` (falling back to English)."""
    root = root if root is not None else templates_root()
    chain = language_chain(language)
    requested = chain[0].split("_")[0].lower()
    for candidate in chain:
        path = root / candidate / f"{key}{TEMPLATE_SUFFIX}"
        if path.is_file():
            return TemplateChoice(key, requested, candidate.split("_")[0], path)
    return TemplateChoice(key, requested, requested, None)


def missing_templates(language: str, root: Path | None = None) -> list[str]:
    """Keys that exist in English but not (yet) in ``language``: the translator's to-do list."""
    root = root if root is not None else templates_root()
    english = {p.stem for p in (root / FALLBACK_LANGUAGE).glob(f"*{TEMPLATE_SUFFIX}")}
    present = {p.stem for p in (root / language).glob(f"*{TEMPLATE_SUFFIX}")}
    return sorted(english - present)


def spellcheck_language(letter_language: str | None) -> str | None:
    """The pyspellchecker dictionary for a letter's language; None when none is bundled (no underlining)."""
    base = (letter_language or FALLBACK_LANGUAGE).replace("-", "_").split("_")[0].lower()
    return base if base in SPELLCHECK_LANGUAGES else None
