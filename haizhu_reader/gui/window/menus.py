"""The window's menu bar: its titles at start-up, its items right after the first paint.

``WindowMenus`` makes the menus and the window's own actions in them; MainWindow
wires what the actions trigger (``MainWindow._connect_menus``), as it wires the
panes. The Go menu is ``Navigation``'s, the annotate actions and the undo stack
the annotating's (``add_annotating``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget

    from haizhu_reader.gui.annotations.actions import ReaderAnnotator
    from haizhu_reader.gui.comfort.language_menu import LanguageMenu
    from haizhu_reader.gui.comfort.view_options import ViewOptions
    from haizhu_reader.settings import Settings


def _item(menu: QMenu, text: str, keys: str | QKeySequence.StandardKey | None = None) -> QAction:
    action = menu.addAction(text)
    if keys is not None:
        action.setShortcut(QKeySequence(keys))
    return action


class WindowMenus(QObject):
    """File, Edit, View and Help (and the Go menu given), in the window's menu bar.

    The titles are made at once, so the bar is complete on the first paint; the
    items with ``make_items``, after it.
    """

    def __init__(self, window: QMainWindow, go_menu: QMenu) -> None:
        super().__init__(window)
        self._window = window
        bar = window.menuBar()
        self.file = bar.addMenu(self.tr("文件(&F)"))
        self.edit = bar.addMenu(self.tr("编辑(&E)"))
        self.view = bar.addMenu(self.tr("视图(&V)"))
        bar.addMenu(go_menu)
        self.help = bar.addMenu(self.tr("帮助(&H)"))

    def make_items(
        self,
        recent: QMenu,
        docks: Sequence[QDockWidget],
        view_options: ViewOptions,
        settings: Settings | None,
    ) -> None:
        """The items: File (with ``recent``), Edit, View (a toggle per dock in ``docks``,
        the reading options, the interface language) and Help."""
        from haizhu_reader.gui.comfort.language_menu import LanguageMenu
        from haizhu_reader.gui.help.menu import HelpActions

        keys = QKeySequence.StandardKey
        f = self.file
        self.open_action = _item(f, self.tr("打开报告(&O)…"), keys.Open)
        self.bundled_action = _item(f, self.tr("打开随附的海珠区报告(&B)"))
        f.addMenu(recent)
        self.shelf_action = _item(f, self.tr("书架(&L)…"), "Ctrl+Shift+L")
        self.export_figures_action = _item(f, self.tr("导出数据表(&E)…"))
        self.export_annotations_action = _item(f, self.tr("导出批注(&X)…"))
        self.import_annotations_action = _item(f, self.tr("导入批注(&I)…"))
        f.addSeparator()
        self.print_action = _item(f, self.tr("打印(&P)…"), keys.Print)
        self.print_preview_action = _item(f, self.tr("打印预览(&R)…"))
        self.export_pdf_action = _item(f, self.tr("导出 PDF(&D)…"))
        f.addSeparator()
        self.quit_action = _item(f, self.tr("退出(&Q)"), keys.Quit)

        e = self.edit
        self.copy_cited_action = _item(e, self.tr("复制并注明出处(&C)"), "Ctrl+Shift+C")
        e.addSeparator()
        self.find_action = _item(e, self.tr("页内查找(&F)…"), keys.Find)
        self.search_action = _item(e, self.tr("全文搜索(&S)…"), "Ctrl+Shift+F")
        self.shelf_search_action = _item(e, self.tr("搜索书架上的全部报告(&A)…"), "Ctrl+Shift+G")
        e.addSeparator()

        v = self.view
        v.addActions([dock.toggleViewAction() for dock in docks])
        v.addSeparator()
        # Ctrl+1…6: the focus to a pane (MainWindow.focus), by the docks' keys.
        self.focus_actions = {
            "sections": _item(v, self.tr("转到目录"), "Ctrl+1"),
            "reader": _item(v, self.tr("转到正文"), "Ctrl+2"),
            "glossary": _item(v, self.tr("转到名词解释"), "Ctrl+3"),
            "figures": _item(v, self.tr("转到数据表"), "Ctrl+4"),
            "search": _item(v, self.tr("转到搜索"), "Ctrl+5"),
            "annotations": _item(v, self.tr("转到批注"), "Ctrl+6"),
        }
        view_options.add_to_menu(v)  # text size, font, spacing, theme, full screen
        v.addSeparator()
        self.language_menu: LanguageMenu = LanguageMenu(settings, v)
        v.addMenu(self.language_menu)

        self.help_actions = HelpActions(self.help, self._window)

    def add_annotating(self, annotator: ReaderAnnotator) -> None:
        """Undo/Redo at the top of the Edit menu and the annotate actions at its end;
        importing annotations is off (with the reason as its tip) if annotating is."""
        e, undo = self.edit, annotator.session.undo_stack
        self.undo_action = undo.createUndoAction(self, self.tr("撤销"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = undo.createRedoAction(self, self.tr("重做"))
        self.redo_action.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        e.insertActions(e.actions()[0], [self.undo_action, self.redo_action])
        e.insertSeparator(e.actions()[2])
        highlight = e.addMenu(self.tr("高亮(&H)"))
        highlight.addActions(annotator.colour_actions)
        a = annotator
        e.addActions([a.underline_action, a.note_selection_action, a.note_paragraph_action,
                      a.note_section_action, a.bookmark_action])  # fmt: skip
        reason = annotator.session.disabled_reason()
        self.import_annotations_action.setEnabled(not reason)
        if reason:
            self.import_annotations_action.setToolTip(reason)
