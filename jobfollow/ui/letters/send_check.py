"""What stops a letter leaving with a mistake in it: a last look before E-mail… and Mark as sent.

Placeholders still unfilled (``{forgotten_point}``) and words the spell-checker does not know are named in one
question with "Send anyway"; an answer of "Send anyway" holds for that very text, so the user is asked once.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from jobfollow.core.letters import placeholders
from jobfollow.i18n import _, ngettext

MAX_WORDS_NAMED = 8


def send_problems(subject: str, body: str, values: dict[str, str], misspelled: tuple[str, ...]) -> list[str]:
    """One sentence per kind of problem, in the order the user would fix them."""
    found = placeholders.problems(subject + "\n" + body, values)
    sentences = []
    names = [*found.missing, *found.unknown]
    if names:
        shown = ", ".join("{" + name + "}" for name in names)
        sentences.append(ngettext("The placeholder {names} is not filled in: the recipient would see it as typed.",
                                  "The placeholders {names} are not filled in: the recipient would see them as "
                                  "typed.", len(names)).format(names=shown))
    elif found.unclosed:
        sentences.append(_("A “{” is never closed: part of the letter may be a broken placeholder."))
    if misspelled:
        words = ", ".join(misspelled[:MAX_WORDS_NAMED]) + ("…" if len(misspelled) > MAX_WORDS_NAMED else "")
        sentences.append(ngettext("This word may be misspelled: {words}.", "These words may be misspelled: {words}.",
                                  len(misspelled)).format(words=words))
    return sentences


def ask_send_anyway(parent: QWidget | None, title: str, sentences: list[str]) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, title, _("Before this letter goes out:"), parent=parent)
    box.setInformativeText("\n\n".join(sentences))
    send = box.addButton(_("Send anyway"), QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(_("Keep editing"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is send


class SendGuard:
    """Asks once per text: after "Send anyway" the same subject and body go out without a second question."""

    def __init__(self):
        self._accepted: tuple[str, str] | None = None

    def allows(self, parent: QWidget | None, title: str, subject: str, body: str, values: dict[str, str],
               misspelled: tuple[str, ...]) -> bool:
        sentences = send_problems(subject, body, values, misspelled)
        if not sentences or self._accepted == (subject, body):
            return True
        if ask_send_anyway(parent, title, sentences):
            self._accepted = (subject, body)
            return True
        return False


def offer_to_copy(parent: QWidget | None) -> bool:
    """No mail program answered: say so plainly and offer the way that always works. True: copy it."""
    box = QMessageBox(QMessageBox.Icon.Information, _("E-mail"), _("No e-mail program opened the letter."),
                      parent=parent)
    box.setInformativeText(_("This computer may have no e-mail program set up. Copy the letter and paste it into "
                             "your webmail or mail program."))
    copy = box.addButton(_("Copy the letter"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(copy)
    box.exec()
    return box.clickedButton() is copy
