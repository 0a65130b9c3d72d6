"""Translation catalogs of jobfollow: one command to refresh them, one to compile, one to check.

    python tools/i18n.py update    # extract every _() from jobfollow/ into jobfollow.pot, merge into de/fr/es .po
    python tools/i18n.py check     # untranslated, fuzzy and broken-placeholder counts; exit 1 if any
    python tools/i18n.py compile   # write the .mo files next to the .po files (the build does this too)
    python tools/i18n.py init it   # start a new language from the template

After ``update``, translate the entries with an empty ``msgstr`` (and review those marked ``#, fuzzy``,
then delete the fuzzy flag) in ``resources/locale/<lang>/LC_MESSAGES/jobfollow.po``; ``check``
says what is left. The test suite runs the same checks (tests/test_i18n_catalogs.py). See docs/i18n.md.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "resources" / "locale"
TEMPLATE = LOCALE_DIR / "jobfollow.pot"
DOMAIN = "jobfollow"
LANGUAGES = ("de", "fr", "es")  # English is the source language and needs no catalog
LANGUAGE_TEAMS = {"de": "German", "fr": "French", "es": "Spanish"}
_VOLATILE_HEADER = re.compile(r'^"(POT-Creation-Date|PO-Revision-Date): .*\n', re.MULTILINE)

# What must survive translation unchanged: {placeholders}, %-markers and HTML tags.
_BRACE_FIELD = re.compile(r"\{[^{}]*\}")
_PERCENT_MARKER = re.compile(r"%(?:\([A-Za-z_]\w*\))?[-#0+]*\d*(?:\.\d+)?[sdifrxXeEgGc%]")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*")
_MNEMONIC = re.compile(r"&(?=[^\s&;])(?!amp;|lt;|gt;|nbsp;)")


def catalog_path(language: str, suffix: str = ".po") -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


def extract_template(root: Path = ROOT) -> Catalog:
    """Every translatable message in the source, as a fresh template catalog (nothing is written)."""
    from jobfollow import __version__

    with (root / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    catalog = Catalog(project="jobfollow", version=__version__, copyright_holder="The jobfollow team",
                      charset="utf-8", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        root, method_map, options_map, keywords=DEFAULT_KEYWORDS, comment_tags=("Translators:",),
        strip_comment_tags=True, directory_filter=lambda path: Path(path).name not in {"build", "dist", "tests"},
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def _serialize(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, ignore_obsolete=True, include_lineno=False)
    return buffer.getvalue()


def _write_if_changed(path: Path, content: bytes) -> bool:
    """Write unless only the dates in the header would change, so re-running is quiet in git."""
    if path.is_file():
        old = path.read_bytes().decode("utf-8")
        if _VOLATILE_HEADER.sub("", old) == _VOLATILE_HEADER.sub("", content.decode("utf-8")):
            return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return True


def read_catalog(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, abort_invalid=True)


def new_catalog(language: str, template: Catalog) -> Catalog:
    catalog = Catalog(locale=language, project="jobfollow", version=template.version,
                      copyright_holder="The jobfollow team", charset="utf-8", fuzzy=False,
                      last_translator="The jobfollow team", language_team=LANGUAGE_TEAMS.get(language, language))
    catalog.update(template)
    return catalog


def update(languages=LANGUAGES) -> Catalog:
    """Extract into the template and merge it into every language's .po (new messages get an empty msgstr)."""
    template = extract_template()
    changed = _write_if_changed(TEMPLATE, _serialize(template))
    print(f"{TEMPLATE.relative_to(ROOT)}: {len(template)} messages{'' if changed else ' (unchanged)'}")
    for language in languages:
        path = catalog_path(language)
        if path.is_file():
            catalog = read_catalog(path)
            catalog.update(template, update_creation_date=False)
        else:
            catalog = new_catalog(language, template)
        changed = _write_if_changed(path, _serialize(catalog))
        print(f"{path.relative_to(ROOT)}: {'updated' if changed else 'unchanged'}")
    return template


def compile_catalogs(languages=LANGUAGES, target_dir: Path = LOCALE_DIR) -> list[Path]:
    """Write ``<target_dir>/<lang>/LC_MESSAGES/jobfollow.mo`` from each .po (fuzzy entries left out)."""
    written = []
    for language in languages:
        catalog = read_catalog(catalog_path(language))
        out = Path(target_dir) / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        written.append(out)
        print(f"{out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}: {len(catalog)} messages")
    return written


def _markers(text: str) -> Counter:
    return Counter(_BRACE_FIELD.findall(text) + _PERCENT_MARKER.findall(text) + _HTML_TAG.findall(text))


@dataclass
class CatalogReport:
    language: str
    messages: int = 0
    untranslated: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)
    bad_markers: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # in the source, not yet in the .po: run update

    @property
    def ok(self) -> bool:
        return not (self.untranslated or self.fuzzy or self.bad_markers or self.missing)

    def summary(self) -> str:
        return (f"{self.language}: {self.messages} messages, {len(self.untranslated)} untranslated, "
                f"{len(self.fuzzy)} fuzzy, {len(self.bad_markers)} with wrong placeholders, "
                f"{len(self.missing)} not yet extracted")


def _label(message) -> str:
    ident = message.id[0] if isinstance(message.id, tuple) else message.id
    return f"{message.context}|{ident}" if message.context else ident


def check_catalog(catalog: Catalog, language: str, source_ids: set | None = None) -> CatalogReport:
    """What keeps a catalog from shipping: empty or fuzzy entries, plural forms left empty, and
    {placeholders}, %-markers, HTML tags or &-mnemonics that differ from the English original."""
    report = CatalogReport(language)
    known = set()
    for message in catalog:
        if not message.id:
            continue  # the header
        report.messages += 1
        known.add((message.context, message.id))
        label = _label(message)
        if message.fuzzy:
            report.fuzzy.append(label)
        if message.pluralizable:
            forms = list(message.string) if isinstance(message.string, tuple) else [message.string]
            if len(forms) != catalog.num_plurals or not all(forms):
                report.untranslated.append(label)
                continue
            originals = list(message.id)
        else:
            if not message.string:
                report.untranslated.append(label)
                continue
            forms, originals = [message.string], [message.id]
        # every form carries the same placeholders as the English (plural forms too: French uses the
        # first form for 0 as well, so a form without {count} would be wrong for some numbers)
        expected = set(_markers(originals[-1])) | set(_markers(originals[0]))
        mnemonic = bool(_MNEMONIC.search(originals[0]))
        for form in forms:
            if set(_markers(form)) != expected or (mnemonic and len(_MNEMONIC.findall(form)) != 1):
                report.bad_markers.append(label)
                break
    if source_ids is not None:
        report.missing = sorted(f"{c}|{i}" if c else (i[0] if isinstance(i, tuple) else i)
                                for c, i in source_ids - known)
    return report


def source_message_ids(template: Catalog) -> set:
    return {(message.context, message.id) for message in template if message.id}


def check(languages=LANGUAGES, verbose: bool = True) -> list[CatalogReport]:
    source_ids = source_message_ids(extract_template())
    reports = []
    for language in languages:
        report = check_catalog(read_catalog(catalog_path(language)), language, source_ids)
        reports.append(report)
        print(report.summary())
        if verbose:
            for title, items in (("untranslated", report.untranslated), ("fuzzy", report.fuzzy),
                                 ("wrong placeholders", report.bad_markers),
                                 ("not extracted yet (run: python tools/i18n.py update)", report.missing)):
                for item in items:
                    print(f"    {title}: {item!r}")
    return reports


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("update", help="extract messages and merge them into every .po")
    sub.add_parser("compile", help="write .mo files next to the .po files")
    check_parser = sub.add_parser("check", help="report untranslated, fuzzy and broken messages (exit 1 if any)")
    check_parser.add_argument("-q", "--quiet", action="store_true", help="counts only")
    init_parser = sub.add_parser("init", help="start the catalog of a new language")
    init_parser.add_argument("language")
    args = parser.parse_args(argv)
    if args.command == "update":
        update()
        reports = check(verbose=False)
        if not all(r.ok for r in reports):
            print("Fill in the empty msgstr entries (and clear '#, fuzzy' after review), then run check.")
        return 0
    if args.command == "compile":
        compile_catalogs()
        return 0
    if args.command == "init":
        if catalog_path(args.language).exists():
            print(f"{catalog_path(args.language)} exists already; use update", file=sys.stderr)
            return 2
        update(languages=(args.language,))
        print(f"Add {args.language!r} to LANGUAGES here and SHIPPED_LANGUAGES in jobfollow/i18n.py.")
        return 0
    reports = check(verbose=not args.quiet)
    return 0 if all(r.ok for r in reports) else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
