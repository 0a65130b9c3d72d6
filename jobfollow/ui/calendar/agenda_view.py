"""The agenda's view: group headers, and each follow-up drawn as three short lines."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView

from jobfollow.ui.calendar.agenda_model import DUE_TEXT_ROLE, MORE_ROLE, OVERDUE_ROLE, REASON_ROLE, SUBTITLE_ROLE
from jobfollow.ui.palette_colours import signal_colour

PAD = 6


class AgendaDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        height = option.fontMetrics.height()
        if not index.parent().isValid() or index.data(MORE_ROLE):
            return QSize(200, height + 2 * PAD)
        return QSize(200, 3 * height + 2 * PAD + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if not index.parent().isValid():
            self._paint_group(painter, option, index)
            return
        if index.data(MORE_ROLE):  # "Show 200 more": a link-coloured line
            painter.save()
            if option.state & QStyle.StateFlag.State_Selected:
                painter.fillRect(option.rect, option.palette.color(QPalette.ColorRole.Highlight))
            painter.setPen(option.palette.color(QPalette.ColorRole.Link))
            painter.drawText(option.rect.adjusted(PAD, 0, -PAD, 0), Qt.AlignmentFlag.AlignVCenter, index.data() or "")
            painter.restore()
            return
        painter.save()
        style = option.widget.style() if option.widget else None
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText)
        box = option.rect.adjusted(PAD, PAD, -PAD, -PAD)
        metrics = option.fontMetrics
        line = metrics.height()

        due = index.data(DUE_TEXT_ROLE) or ""
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        due_width = painter.fontMetrics().horizontalAdvance(due) + PAD
        signal = signal_colour("danger" if index.data(OVERDUE_ROLE) else "due", palette)
        painter.setPen(text_colour if selected else signal)
        painter.drawText(QRect(box.right() - due_width, box.top(), due_width, line),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, due)
        title_rect = QRect(box.left(), box.top(), box.width() - due_width - PAD, line)
        painter.setPen(text_colour)
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         painter.fontMetrics().elidedText(index.data() or "", Qt.TextElideMode.ElideRight,
                                                          title_rect.width()))
        painter.setFont(option.font)
        for number, (role, colour) in enumerate(((SUBTITLE_ROLE, text_colour), (REASON_ROLE, muted)), start=1):
            rect = QRect(box.left(), box.top() + number * (line + 2), box.width(), line)
            painter.setPen(colour)
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(index.data(role) or "", Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()

    def _paint_group(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        painter.fillRect(option.rect, option.palette.color(QPalette.ColorRole.AlternateBase))
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        overdue = bool(index.data(OVERDUE_ROLE))
        text = option.palette.color(QPalette.ColorRole.Text)
        painter.setPen(signal_colour("danger", option.palette) if overdue else text)
        painter.drawText(option.rect.adjusted(PAD, 0, -PAD, 0), Qt.AlignmentFlag.AlignVCenter, index.data() or "")
        painter.restore()


class AgendaView(QTreeView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(0)
        self.setUniformRowHeights(False)
        self.setItemsExpandable(False)
        self.setExpandsOnDoubleClick(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setItemDelegate(AgendaDelegate(self))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setAccessibleName("agenda")
