"""The Preferences dialog: a list of pages; features add their own page classes.

A page is a QWidget with a ``title`` (an untranslated message, shown through ``_()``) and ``load()`` / ``save()``
that read and write the store. ``save()`` returns the setting key prefixes it changed so the rest of the program
can react. Apply saves and announces at once with the dialog left open (a new language shows in the dialog too);
each page sets its texts in ``retranslate()``, on ``QEvent.LanguageChange``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from jobfollow.core.profile import UserDetails
from jobfollow.core.validation import check_contact
from jobfollow.i18n import N_, _
from jobfollow.store.settings import USER_DETAILS_KEY, get_user_details, set_user_details
from jobfollow.ui.forms.widgets import InlineMessage, with_message
from jobfollow.ui.retranslation import Retranslating, set_row_labels
from jobfollow.ui.store_errors import saved_or_reported


class SettingsPage(Retranslating, QWidget):
    title = ""  # N_("..."): the dialog shows _(title)

    def retranslate(self) -> None:
        """Every fixed text of the page from ``_()`` (called when built and after a language switch)."""

    def load(self) -> None:
        raise NotImplementedError

    def save(self) -> list[str]:
        raise NotImplementedError


# Countries offered for public holidays; the code is what the ``holidays`` package takes.
HOLIDAY_COUNTRIES = [("", N_("None (weekends only)")), ("US", N_("United States")), ("GB", N_("United Kingdom")),
                     ("DE", N_("Germany")), ("FR", N_("France")), ("ES", N_("Spain")), ("CA", N_("Canada")),
                     ("AU", N_("Australia")), ("IE", N_("Ireland")), ("NL", N_("Netherlands")), ("IN", N_("India"))]


class UserDetailsPage(SettingsPage):
    """Who you are: signs your letters; being employed adds a "give notice" step after accepting."""

    title = N_("Your details")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.form.addRow(self.intro)
        self.name_edit = QLineEdit()
        self.email_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.employed_check = QCheckBox()
        self.country_combo = QComboBox()
        for code, _label in HOLIDAY_COUNTRIES:
            self.country_combo.addItem("", code)
        self.form.addRow("", self.name_edit)
        self.email_message = InlineMessage()  # a warning only: the address is the user's to decide
        self.email_edit.textChanged.connect(lambda text: self.email_message.show_problems(
            [p for p in check_contact("x", text) if p.field == "email"]))
        self.form.addRow("", with_message(self.email_edit, self.email_message))
        self.form.addRow("", self.phone_edit)
        self.form.addRow("", self.employed_check)
        self.form.addRow("", self.country_combo)
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(_("These fill the {my_name}, {my_email} and {my_phone} placeholders in your letters."))
        self.employed_check.setText(_("I am currently employed (remind me to give notice)"))
        for index, (_code, label) in enumerate(HOLIDAY_COUNTRIES):
            self.country_combo.setItemText(index, _(label))
        set_row_labels(self.form, {self.name_edit: _("Name:"), self.email_edit.parentWidget(): _("E-mail:"),
                                   self.phone_edit: _("Phone:"), self.country_combo: _("Public holidays of:")})

    def load(self) -> None:
        details = get_user_details()
        self.name_edit.setText(details.name)
        self.email_edit.setText(details.email)
        self.phone_edit.setText(details.phone)
        self.employed_check.setChecked(details.employed)
        self.country_combo.setCurrentIndex(max(0, self.country_combo.findData(details.country)))

    def save(self) -> list[str]:
        set_user_details(
            UserDetails(
                name=self.name_edit.text().strip(),
                email=self.email_edit.text().strip(),
                phone=self.phone_edit.text().strip(),
                employed=self.employed_check.isChecked(),
                country=self.country_combo.currentData() or "",
            )
        )
        return [USER_DETAILS_KEY]


def _scrollable(page: QWidget) -> QScrollArea:
    """A page taller than a small screen (Follow-ups is) scrolls instead of pushing OK and Cancel off it."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


class SettingsDialog(Retranslating, QDialog):
    #: the setting keys saved by Apply or OK, announced at once (the window emits ``settings_changed``)
    applied = Signal(list)

    def __init__(self, pages: list[SettingsPage], parent: QWidget | None = None):
        super().__init__(parent)
        self.pages = pages
        self.page_list = QListWidget()
        self.page_list.setMaximumWidth(180)
        self.stack = QStackedWidget()
        for page in pages:
            page.load()
            self.page_list.addItem("")
            self.stack.addWidget(_scrollable(page))
        self.page_list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.page_list.setCurrentRow(0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Apply
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        body = QHBoxLayout()
        body.addWidget(self.page_list)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.buttons)
        self.changed_keys: list[str] = []
        self.retranslate()
        self.resize(620, 380)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Preferences"))
        for row, page in enumerate(self.pages):
            self.page_list.item(row).setText(_(page.title))
        list_width = self.page_list.sizeHintForColumn(0) + 2 * self.page_list.frameWidth() + 8
        self.page_list.setMinimumWidth(min(180, list_width))  # translated titles stay readable
        QTimer.singleShot(0, self._fit_pages)  # once every page has its new words

    def _fit_pages(self) -> None:
        """As wide as the widest page needs: a check box does not wrap, and the pages scroll only downwards."""
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        widest = max((page.minimumSizeHint().width() for page in self.pages), default=0)
        self.stack.setMinimumWidth(widest + scroll_bar + 4)
        wanted = self.minimumSizeHint().width()
        if self.width() < wanted:
            self.resize(wanted, self.height())

    def apply(self) -> bool:
        """Save every page and announce what changed; False (the dialog open, every value as set) when the
        database refused."""
        ok, keys = saved_or_reported(self, lambda: [key for page in self.pages for key in page.save()])
        if not ok:
            return False
        self.changed_keys.extend(keys)
        if keys:
            self.applied.emit(keys)
        return True

    def accept(self) -> None:
        if self.apply():
            super().accept()
