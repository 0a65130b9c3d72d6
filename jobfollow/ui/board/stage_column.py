"""One board column: a header (name, count, menu) over a list view of cards, or a narrow strip when collapsed."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from jobfollow.core.stages import STAGE_KIND_LABELS
from jobfollow.i18n import _
from jobfollow.store.applications import StageRow
from jobfollow.ui.board.card_delegate import CardDelegate
from jobfollow.ui.board.card_list_model import CARD_MIME_TYPE, BoardContext, CardListModel, decode_card_ids
from jobfollow.ui.plain_text import plain, tip
from jobfollow.ui.retranslation import Retranslating

COLUMN_WIDTH = 248
COLLAPSED_WIDTH = 34


class CardListView(QListView):
    """A column's cards; drags carry card ids, and only our own drops are accepted."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setDropIndicatorShown(True)
        self.setUniformItemSizes(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            searching = model.total_count() > 0
            text = _("No card matches the search") if searching else _("Drop cards here")
            painter.drawText(self.viewport().rect().adjusted(8, 24, -8, 0),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, text)


class CollapsedStrip(QWidget):
    """A collapsed stage: its name written upwards; click to expand; cards may still be dropped on it."""

    clicked = Signal()
    cards_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.text = ""
        self.setAcceptDrops(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(COLLAPSED_WIDTH - 8, 200)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.translate(self.width() / 2 + self.fontMetrics().ascent() / 2 - 2, self.height() - 6)
        painter.rotate(-90)
        length = self.height() - 12
        painter.drawText(QRect(0, -self.fontMetrics().ascent(), length, self.fontMetrics().height()),
                         Qt.AlignmentFlag.AlignLeft,
                         self.fontMetrics().elidedText(self.text, Qt.TextElideMode.ElideRight, length))

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(CARD_MIME_TYPE):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        ids = decode_card_ids(event.mimeData())
        if ids:
            event.acceptProposedAction()
            self.cards_dropped.emit(ids)
        else:
            event.ignore()


class ElidedLabel(QLabel):
    """A one-line label that shrinks with its column and ends in "…" (the whole text is in the tooltip)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(20, super().minimumSizeHint().height())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.width())
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)


class StageColumn(Retranslating, QFrame):
    """Signals carry this column's stage id; the board decides what they do."""

    header_menu_requested = Signal(int, object)  # stage id, global position
    collapse_toggled = Signal(int)

    def __init__(self, stage: StageRow, context: BoardContext, delegate: CardDelegate,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stageColumn")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.stage = stage
        self.stage_id = stage.id
        self.name = stage.name
        self.kind = stage.kind
        self.model = CardListModel(stage.id, self, context)

        self.header = plain(ElidedLabel())
        self.header.setObjectName("stageHeader")
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.count_label = QLabel()
        self.count_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.menu_button = QToolButton()
        self.menu_button.setText("⋯")
        self.menu_button.setAutoRaise(True)
        self.menu_button.clicked.connect(
            lambda: self.header_menu_requested.emit(self.stage_id, self.menu_button.mapToGlobal(
                self.menu_button.rect().bottomLeft())))
        self.collapse_button = QToolButton()
        self.collapse_button.setAutoRaise(True)
        self.collapse_button.clicked.connect(lambda: self.collapse_toggled.emit(self.stage_id))

        self.header_row = QWidget()
        row = QHBoxLayout(self.header_row)
        row.setContentsMargins(4, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.header, 1)
        row.addWidget(self.count_label)
        row.addWidget(self.collapse_button)
        row.addWidget(self.menu_button)
        self.header_row.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.header_row.customContextMenuRequested.connect(
            lambda pos: self.header_menu_requested.emit(self.stage_id, self.header_row.mapToGlobal(pos)))

        self.view = CardListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(delegate)
        self.strip = CollapsedStrip()
        self.strip.clicked.connect(lambda: self.collapse_toggled.emit(self.stage_id))
        self.strip.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.strip.customContextMenuRequested.connect(
            lambda pos: self.header_menu_requested.emit(self.stage_id, self.strip.mapToGlobal(pos)))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(3, 4, 3, 3)
        layout.setSpacing(3)
        layout.addWidget(self.header_row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.strip, 1, Qt.AlignmentFlag.AlignHCenter)
        self.set_collapsed(stage.collapsed)
        self.retranslate()

    def retranslate(self) -> None:
        """The stage's own name stays as it is (a default name follows the language through the store)."""
        self.menu_button.setToolTip(_("Stage actions"))
        self.set_collapsed(self.collapsed)

    @property
    def collapsed(self) -> bool:
        return self.strip.isVisibleTo(self)

    def set_collapsed(self, collapsed: bool) -> None:
        self.view.setVisible(not collapsed)
        self.strip.setVisible(collapsed)
        for widget in (self.header, self.count_label, self.menu_button):
            widget.setVisible(not collapsed)
        self.collapse_button.setText("›" if collapsed else "‹")
        self.collapse_button.setToolTip(_("Expand this stage") if collapsed else _("Collapse this stage"))
        self.collapse_button.setAccessibleName(self.collapse_button.toolTip())
        self.setFixedWidth(COLLAPSED_WIDTH if collapsed else COLUMN_WIDTH)
        self.update_header()

    def update_header(self) -> None:
        shown, total = self.model.rowCount(), self.model.total_count()
        count = str(total) if shown == total else _("{shown} of {total}").format(shown=shown, total=total)
        self.header.setText(self.name)
        self.header.setToolTip(tip(_("{name} (kind: {kind})").format(name=self.name,
                                                                       kind=_(STAGE_KIND_LABELS[self.kind]))))
        self.count_label.setText(count)
        # Screen readers name the symbol-only buttons and the card list by the stage they belong to.
        self.view.setAccessibleName(_("Cards in {stage}").format(stage=self.name))
        self.menu_button.setAccessibleName(_("Actions of the stage {stage}").format(stage=self.name))
        self.strip.text = f"{self.name}  ({count})"
        self.strip.setToolTip(self.header.toolTip())
        self.strip.update()

    def set_cards(self, cards) -> None:
        self.model.set_cards(cards)
        self.update_header()
