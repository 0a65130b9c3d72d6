"""The Exec line of a freedesktop.org desktop entry, written and read back as the Desktop Entry spec says.

Two layers of escaping apply: an argument with a reserved character goes in double quotes (with ``"``, `` ` ``,
``$`` and ``\\`` escaped inside them, and ``%`` doubled because ``%f`` and the like are field codes), and then the
whole value is a desktop-file string, whose own escape rule doubles every backslash. A folder named
``R&D 100% "new"`` is a real folder name; both layers are needed for it to start.
"""

from __future__ import annotations

_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
_ESCAPED_IN_QUOTES = set('"`$\\')
_STRING_ESCAPES = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\", ";": ";"}


def _quote(arg: str) -> str:
    arg = arg.replace("%", "%%")
    if arg and not any(c in _RESERVED for c in arg):
        return arg
    return '"' + "".join("\\" + c if c in _ESCAPED_IN_QUOTES else c for c in arg) + '"'


def exec_value(command: list[str]) -> str:
    """The value after ``Exec=`` that runs ``command`` (program first), exactly, whatever its characters."""
    quoted = " ".join(_quote(part) for part in command)
    return quoted.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def _unescape_string(value: str) -> str:
    out, chars = [], iter(value)
    for c in chars:
        if c == "\\":
            nxt = next(chars, "")
            out.append(_STRING_ESCAPES.get(nxt, "\\" + nxt))
        else:
            out.append(c)
    return "".join(out)


def split_exec(value: str) -> list[str]:
    """The arguments an ``Exec=`` value runs (field codes such as ``%f`` dropped). Raises ValueError when a
    quote is left open."""
    text, args, current, in_arg, quoted = _unescape_string(value), [], [], False, False
    i = 0
    while i < len(text):
        c = text[i]
        if quoted:
            if c == "\\" and i + 1 < len(text):
                i += 1
                current.append(text[i])
            elif c == '"':
                quoted = False
            else:
                current.append(c)
        elif c == '"':
            quoted = in_arg = True
        elif c in " \t":
            if in_arg:
                args.append("".join(current))
            current, in_arg = [], False
        else:
            current.append(c)
            in_arg = True
        i += 1
    if quoted:
        raise ValueError(f"an unclosed quote in the Exec line {value!r}")
    if in_arg:
        args.append("".join(current))
    return [_field_codes(arg) for arg in args if not _is_field_code(arg)]


def _is_field_code(arg: str) -> bool:
    return len(arg) == 2 and arg[0] == "%" and arg[1] != "%"


def _field_codes(arg: str) -> str:
    return arg.replace("%%", "%")
