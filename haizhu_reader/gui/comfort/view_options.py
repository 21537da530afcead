"""The View menu's reading options: text size, font, line spacing, theme, figure tints,
full screen, and the interface's text size.

``ViewOptions`` owns the actions and the preferences behind them (kept in
``Settings``), applies the theme and the interface's text size to the whole
application and announces the rest; MainWindow wires the announcements to the
reading view. The reading text's size is the reader's (one preference for every
report, restored by ``reading_places``), so its actions only ask the reader.

The interface's text size (menus, docks, lists, tables, tooltips, dialogs) is
the application font, scaled from the system's (``ui_text_size``): for older
readers beside a large reading text. The reading view keeps a font of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QMenu,
    QToolTip,
    QWidget,
)

from haizhu_reader.gui.comfort.ui_text_size import apply_ui_text_size
from haizhu_reader.gui.common.theme import Theme, ThemeName, palette_for, resolve
from haizhu_reader.gui.reader.typesetting import LINE_HEIGHT, LINE_HEIGHTS
from haizhu_reader.settings import UI_TEXT_SIZES, Settings


def _distinct(*keys: str | QKeySequence.StandardKey) -> list[QKeySequence]:
    """Key sequences without repeats (one key twice on an action makes it ambiguous)."""
    out: list[QKeySequence] = []
    for key in keys:
        sequence = QKeySequence(key)
        if not sequence.isEmpty() and sequence not in out:
            out.append(sequence)
    return out


def apply_theme(theme: Theme) -> None:
    """Colour the whole application (docks, lists, tooltips, bars) in ``theme``."""
    palette = palette_for(theme)
    QApplication.setPalette(palette)
    QToolTip.setPalette(palette)  # tooltips keep a palette of their own


def _request_scheme(choice: ThemeName) -> None:
    """Tell the platform which scheme the app is in, so a style (and a window's title
    bar) that follows it matches; "system" hands the choice back to the platform."""
    hints = QGuiApplication.styleHints()
    if choice is ThemeName.SYSTEM:
        hints.unsetColorScheme()
    else:
        dark = choice is ThemeName.DARK
        hints.setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)


class ViewOptions(QObject):
    """Reading preferences and their View-menu actions.

    Signals:
        theme_changed(object): the ``Theme`` now applied to the application.
        font_family_changed(str): the reading font chosen ("" chooses one).
        line_height_changed(int): line spacing of the text, in percent.
        figure_tints_changed(bool): whether every key figure in the text is tinted.
        caret_browsing_changed(bool): whether the text has a caret the keys move (F7).
    """

    theme_changed = Signal(object)
    font_family_changed = Signal(str)
    line_height_changed = Signal(int)
    figure_tints_changed = Signal(bool)
    caret_browsing_changed = Signal(bool)

    def __init__(self, settings: Settings | None, parent: QWidget) -> None:
        super().__init__(parent)
        self._settings = settings
        self._parent = parent
        try:
            self._choice = ThemeName(settings.theme() if settings else ThemeName.SYSTEM)
        except ValueError:
            self._choice = ThemeName.SYSTEM
        self._theme = resolve(self._choice)
        self._family = settings.font_family() if settings else ""
        height = settings.line_height(LINE_HEIGHT) if settings else LINE_HEIGHT
        self._line_height = height if height in LINE_HEIGHTS else LINE_HEIGHT
        self._ui_size = settings.ui_text_size() if settings else 100
        self._figure_tints = settings.figure_tints() if settings else False
        self._caret = settings.caret_browsing() if settings else False
        # The menu items are made with the menus, after the first paint (add_to_menu).
        self.theme_actions: list[QAction] = []
        self.line_height_actions: list[QAction] = []
        self.ui_text_size_actions: list[QAction] = []
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)
        # Before any pane is built: every widget starts in the theme's colours.
        if self._choice is not ThemeName.SYSTEM:
            _request_scheme(self._choice)
        apply_theme(self._theme)
        apply_ui_text_size(self._ui_size)

    def _setup_actions(self) -> None:
        parent = self._parent
        self.zoom_in_action = QAction(self.tr("放大(&I)"), parent)
        self.zoom_in_action.setShortcuts(
            _distinct("Ctrl+=", "Ctrl++", QKeySequence.StandardKey.ZoomIn)
        )
        self.zoom_out_action = QAction(self.tr("缩小(&O)"), parent)
        self.zoom_out_action.setShortcuts(_distinct("Ctrl+-", QKeySequence.StandardKey.ZoomOut))
        self.zoom_reset_action = QAction(self.tr("原始大小(&R)"), parent)
        self.zoom_reset_action.setShortcut(QKeySequence("Ctrl+0"))
        self.font_action = QAction(self.tr("字体(&F)…"), parent)
        self.figure_tints_action = QAction(self.tr("标出文中数据(&M)"), parent)
        self.figure_tints_action.setCheckable(True)
        self.figure_tints_action.setChecked(self._figure_tints)
        self.figure_tints_action.setStatusTip(
            self.tr("为正文中的每个数据加底色（数据窗格在前时总会标出）")
        )
        self.caret_action = QAction(self.tr("光标浏览(&B)"), parent)
        self.caret_action.setCheckable(True)
        self.caret_action.setChecked(self._caret)
        self.caret_action.setShortcut(QKeySequence("F7"))
        self.caret_action.setStatusTip(
            self.tr("正文中显示光标：用方向键移动，按住 Shift 选择文字，再加亮或写笔记")
        )
        self.full_screen_action = QAction(self.tr("全屏阅读(&U)"), parent)
        self.full_screen_action.setCheckable(True)
        self.full_screen_action.setShortcut(QKeySequence("F11"))

        self._spacing_group = QActionGroup(self)
        for percent in LINE_HEIGHTS:
            label = f"{percent / 100:.1f}"
            if percent == LINE_HEIGHT:
                label = self.tr("%1（默认）").replace("%1", label)
            action = QAction(label, parent)
            action.setCheckable(True)
            action.setChecked(percent == self._line_height)
            action.setData(percent)
            self._spacing_group.addAction(action)
            self.line_height_actions.append(action)

        self._ui_size_group = QActionGroup(self)
        for percent, label in zip(
            UI_TEXT_SIZES,
            (self.tr("标准（100%）"), self.tr("大（125%）"), self.tr("特大（150%）"),
             self.tr("超大（175%）")),
            strict=True,
        ):  # fmt: skip
            action = QAction(label, parent)
            action.setCheckable(True)
            action.setChecked(percent == self._ui_size)
            action.setData(percent)
            self._ui_size_group.addAction(action)
            self.ui_text_size_actions.append(action)

        self._theme_group = QActionGroup(self)
        for name, label in (
            (ThemeName.SYSTEM, self.tr("跟随系统(&S)")),
            (ThemeName.LIGHT, self.tr("浅色(&L)")),
            (ThemeName.SEPIA, self.tr("米黄(&E)")),
            (ThemeName.DARK, self.tr("深色(&D)")),
        ):
            action = QAction(label, parent)
            action.setCheckable(True)
            action.setChecked(name is self._choice)
            action.setData(name.value)
            self._theme_group.addAction(action)
            self.theme_actions.append(action)

    def _connect_actions(self) -> None:
        self.font_action.triggered.connect(self._on_font_action)
        self.figure_tints_action.toggled.connect(self.set_figure_tints)
        self.caret_action.toggled.connect(self.set_caret_browsing)
        self._spacing_group.triggered.connect(self._on_line_height_action)
        self._ui_size_group.triggered.connect(self._on_ui_size_action)
        self._theme_group.triggered.connect(self._on_theme_action)

    def add_to_menu(self, menu: QMenu) -> None:
        """Make the reading options' actions and put them at the end of the View menu."""
        self._setup_actions()
        self._connect_actions()
        menu.addSeparator()
        size = menu.addMenu(self.tr("文字大小(&Z)"))
        size.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action])
        ui_size = menu.addMenu(self.tr("界面文字大小(&N)"))  # menus, panes, tooltips
        ui_size.addActions(self.ui_text_size_actions)
        menu.addAction(self.font_action)
        spacing = menu.addMenu(self.tr("行距(&P)"))
        spacing.addActions(self.line_height_actions)
        themes = menu.addMenu(self.tr("主题(&T)"))
        themes.addActions(self.theme_actions)
        menu.addAction(self.figure_tints_action)
        menu.addAction(self.caret_action)
        menu.addAction(self.full_screen_action)
        # Shortcuts keep working while full-screen reading hides the menu bar.
        self._parent.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action])
        self._parent.addAction(self.full_screen_action)

    # -- current values ------------------------------------------------------------------

    def theme(self) -> Theme:
        return self._theme

    def theme_choice(self) -> ThemeName:
        return self._choice

    def font_family(self) -> str:
        return self._family

    def line_height(self) -> int:
        return self._line_height

    def ui_text_size(self) -> int:
        return self._ui_size

    def announce(self) -> None:
        """Emit every current value (once wired: the reader starts in the saved look)."""
        self.theme_changed.emit(self._theme)
        self.font_family_changed.emit(self._family)
        self.line_height_changed.emit(self._line_height)
        self.figure_tints_changed.emit(self._figure_tints)
        self.caret_browsing_changed.emit(self._caret)

    # -- changing them -------------------------------------------------------------------

    @Slot(str)
    def set_theme(self, name: str) -> None:
        """Choose a theme by name ("system", "light", "sepia", "dark") and apply it."""
        choice = ThemeName(name)
        self._choice = choice
        for action in self.theme_actions:
            action.setChecked(action.data() == choice.value)
        if self._settings is not None:
            self._settings.set_theme(choice.value)
        _request_scheme(choice)
        self._apply(resolve(choice))

    def _apply(self, theme: Theme) -> None:
        if theme == self._theme:
            return
        self._theme = theme
        apply_theme(theme)
        self.theme_changed.emit(theme)

    @Slot(str)
    def set_font_family(self, family: str) -> None:
        if family == self._family:
            return
        self._family = family
        if self._settings is not None:
            self._settings.set_font_family(family)
        self.font_family_changed.emit(family)

    @Slot(int)
    def set_line_height(self, percent: int) -> None:
        if percent not in LINE_HEIGHTS or percent == self._line_height:
            return
        self._line_height = percent
        for action in self.line_height_actions:
            action.setChecked(action.data() == percent)
        if self._settings is not None:
            self._settings.set_line_height(percent)
        self.line_height_changed.emit(percent)

    @Slot(int)
    def set_ui_text_size(self, percent: int) -> None:
        """View › 界面文字大小: the interface's text at ``percent`` (live, and kept)."""
        if percent not in UI_TEXT_SIZES:
            return
        self._ui_size = percent
        for action in self.ui_text_size_actions:
            action.setChecked(action.data() == percent)
        if self._settings is not None:
            self._settings.set_ui_text_size(percent)
        apply_ui_text_size(percent)

    @Slot(QAction)
    def _on_ui_size_action(self, action: QAction) -> None:
        self.set_ui_text_size(int(action.data()))

    @Slot(bool)
    def set_figure_tints(self, on: bool) -> None:
        """View › 标出文中数据: tint every key figure in the text, or (off) only while the
        数据 dock is in front."""
        if on == self._figure_tints:
            return
        self._figure_tints = on
        if self._settings is not None:
            self._settings.set_figure_tints(on)
        self.figure_tints_changed.emit(on)

    @Slot(bool)
    def set_caret_browsing(self, on: bool) -> None:
        """View › 光标浏览 (F7): a caret in the text that the arrow keys move and Shift+arrows
        select with, so that a passage can be chosen, highlighted and noted without a mouse."""
        if on == self._caret:
            return
        self._caret = on
        if self._settings is not None:
            self._settings.set_caret_browsing(on)
        self.caret_browsing_changed.emit(on)

    def caret_browsing(self) -> bool:
        return self._caret

    @Slot(QAction)
    def _on_theme_action(self, action: QAction) -> None:
        self.set_theme(str(action.data()))

    @Slot(QAction)
    def _on_line_height_action(self, action: QAction) -> None:
        self.set_line_height(int(action.data()))

    @Slot()
    def _on_font_action(self) -> None:
        from haizhu_reader.gui.comfort.font_dialog import FontDialog  # not at start-up

        family = FontDialog.ask(self._parent, self._family)
        if family is not None:
            self.set_font_family(family)

    @Slot(Qt.ColorScheme)
    def _on_color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._choice is ThemeName.SYSTEM:
            self._apply(resolve(ThemeName.SYSTEM))
