"""Git merge driver for translation catalogs: the union of both sides' messages.

Two branches that each add strings (and their translations) touch the same .po files in many places;
a line merge conflicts on every one. This driver keeps every message of ours and adds those only
theirs has (or that ours left untranslated). Run ``python tools/i18n.py update`` after the merge to
drop messages no longer in the code. Enable it once per clone:

    git config merge.pounion.driver "python3 tools/po_merge.py %O %A %B"

(.gitattributes already names the driver for *.po and *.pot.)
"""

from __future__ import annotations

import sys

from babel.messages.pofile import read_po, write_po


def _read(path: str):
    with open(path, "rb") as handle:
        return read_po(handle)


def merge(ours_path: str, theirs_path: str) -> None:
    ours, theirs = _read(ours_path), _read(theirs_path)
    for message in theirs:
        if not message.id:
            continue
        mine = ours.get(message.id, message.context)
        if mine is None:
            ours[message.id] = message
        elif not mine.string or (isinstance(mine.string, tuple) and not all(mine.string)):
            mine.string = message.string
            mine.flags = message.flags
    with open(ours_path, "wb") as handle:
        write_po(handle, ours, width=100, ignore_obsolete=True, include_lineno=False)


if __name__ == "__main__":
    _base, ours_file, theirs_file = sys.argv[1:4]
    merge(ours_file, theirs_file)
