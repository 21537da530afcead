"""Help › 关于: what the program is, its version, and the licences of what it bundles.

The licence texts ship with the program (``haizhu_reader/data/licenses/``) and
are read with importlib.resources: office PCs often have no network, and the
LGPL asks that its text come with the Qt libraries.
"""

from __future__ import annotations

import html
import platform
import sys
from dataclasses import dataclass
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, Slot, qVersion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from haizhu_reader import __version__, resources

QT_SOURCE = "https://download.qt.io/official_releases/qt/"
PYSIDE_SOURCE = "https://code.qt.io/cgit/pyside/pyside-setup.git/"
QT_THIRD_PARTY = "https://doc.qt.io/qt-6/licenses-used-in-qt.html"


def installed_version(dist: str, module: str) -> str:
    """A bundled package's version: from its metadata, else from the module if loaded.

    A frozen build may carry no package metadata, and importing pypinyin or
    python-docx only to print a version would cost the dialog a second.
    """
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        value = getattr(sys.modules.get(module), "__version__", "")
        if isinstance(value, tuple):
            return ".".join(str(v) for v in value)
        return value if isinstance(value, str) else ""


@dataclass(frozen=True)
class Component:
    """One bundled component: its licence (SPDX id), notes, and the licence texts shipped."""

    name: str
    version: str
    licence: str
    url: str
    note: str
    texts: tuple[str, ...]


def components() -> list[Component]:
    """This program and everything bundled with it, as verified from the packages' metadata."""
    lgpl_note = QCoreApplication.translate(
        "about_dialog",
        "本程序通过 Qt for Python（PySide6）使用 Qt 6，并依 GNU 宽通用公共许可证第 3 版"
        "（LGPL-3.0）使用二者。Qt 与 PySide6 以未经修改的独立动态链接库随附（程序目录中的 "
        "libQt6*、libpyside6*、libshiboken6* 或 Qt6*.dll 等文件）：您可以用自行编译或修改的兼容"
        "版本替换这些库，本程序仍可运行。LGPL 要求的源代码可从 %1 （Qt）和 %2 （PySide6，"
        "标签 v%3）获取。LGPL-3.0 是在 GPL-3.0 之上的附加许可，二者全文见下。",
    )
    lgpl_note = (
        lgpl_note.replace("%1", QT_SOURCE)
        .replace("%2", PYSIDE_SOURCE)
        .replace("%3", pyside_version)
    )
    qt_note = (
        lgpl_note
        + "\n\n"
        + QCoreApplication.translate(
            "about_dialog", "Qt 自带的第三方组件（如 ICU、HarfBuzz、FreeType）的许可见 %1。"
        ).replace("%1", QT_THIRD_PARTY)
    )
    return [
        Component(
            QCoreApplication.translate("about_dialog", "海珠报告阅读器"),
            __version__,
            "GPL-3.0-or-later",
            "",
            QCoreApplication.translate(
                "about_dialog",
                "本程序是自由软件：您可以依自由软件基金会发布的 GNU 通用公共许可证第 3 版"
                "或（由您选择）任何更高版本再发布和修改它。本程序不提供任何担保。",
            ),
            ("GPL-3.0.txt",),
        ),
        Component(
            "Qt",
            qVersion(),
            "LGPL-3.0-only",
            "https://www.qt.io/",
            qt_note,
            ("LGPL-3.0.txt", "GPL-3.0.txt"),
        ),
        Component(
            "PySide6 / Shiboken6",
            pyside_version,
            "LGPL-3.0-only",
            "https://pyside.org",
            lgpl_note,
            ("LGPL-3.0.txt", "GPL-3.0.txt"),
        ),
        Component(
            "Whoosh (whoosh-reloaded)",
            installed_version("Whoosh-Reloaded", "whoosh"),
            "BSD-2-Clause",
            "https://github.com/Sygil-Dev/whoosh-reloaded",
            QCoreApplication.translate("about_dialog", "全文搜索索引。"),
            ("whoosh-reloaded.txt",),
        ),
        Component(
            "cached-property",
            installed_version("cached-property", "cached_property"),
            "BSD-3-Clause",
            "https://github.com/pydanny/cached-property",
            QCoreApplication.translate("about_dialog", "Whoosh 所依赖的小组件。"),
            ("cached-property.txt",),
        ),
        Component(
            "pypinyin",
            installed_version("pypinyin", "pypinyin"),
            "MIT",
            "https://github.com/mozillazg/python-pinyin",
            QCoreApplication.translate("about_dialog", "名词解释按拼音筛选。"),
            ("pypinyin.txt",),
        ),
        Component(
            "python-docx",
            installed_version("python-docx", "docx"),
            "MIT",
            "https://github.com/python-openxml/python-docx",
            QCoreApplication.translate("about_dialog", "把批注导出为 Word 文档。"),
            ("python-docx.txt",),
        ),
        Component(
            "lxml",
            installed_version("lxml", "lxml"),
            "BSD-3-Clause",
            "https://lxml.de/",
            QCoreApplication.translate(
                "about_dialog",
                "python-docx 所依赖的 XML 库。其二进制包内含 libxml2、libxslt、libexslt（MIT）、"
                "zlib（zlib 许可）和 GNU libiconv（LGPL-2.1），详见下文；LGPL-2.1 全文附后。",
            ),
            ("lxml.txt", "LGPL-2.1.txt"),
        ),
        Component(
            "typing_extensions",
            installed_version("typing_extensions", "typing_extensions"),
            "PSF-2.0",
            "https://github.com/python/typing_extensions",
            QCoreApplication.translate("about_dialog", "python-docx 所依赖的小组件。"),
            ("PSF-2.0.txt",),
        ),
        Component(
            "Python",
            platform.python_version(),
            "PSF-2.0",
            "https://www.python.org/",
            QCoreApplication.translate("about_dialog", "打包版本随附 Python 解释器及其标准库。"),
            ("PSF-2.0.txt",),
        ),
        Component(
            QCoreApplication.translate("about_dialog", "Inno Setup（Windows 安装程序）"),
            "",
            "Inno Setup License",
            "https://jrsoftware.org/isinfo.php",
            QCoreApplication.translate(
                "about_dialog",
                "Windows 版的安装和卸载程序由 Inno Setup 制作，其简体中文界面来自 Inno Setup "
                "用户贡献的翻译（ChineseSimplified.isl，由 Zhenghan Yang 维护），本项目为 "
                "Inno Setup 6.4 删改了其中几条消息。二者均依下列许可随附。",
            ),
            ("InnoSetup.txt",),
        ),
        Component(
            QCoreApplication.translate("about_dialog", "中文字体"),
            "",
            QCoreApplication.translate("about_dialog", "未随附"),
            "",
            QCoreApplication.translate(
                "about_dialog",
                "本程序不带字体，使用操作系统已安装的中文字体（如文泉驿微米黑、思源黑体、微软雅黑）。",
            ),
            (),
        ),
    ]


def licence_html(component: Component) -> str:
    """The right-hand text: the notes, then every licence text in full."""
    licence = QCoreApplication.translate("about_dialog", "许可证：%1")
    home = QCoreApplication.translate("about_dialog", "主页：%1")
    parts = [f"<h3>{html.escape(component.name)} {html.escape(component.version)}</h3>"]
    parts.append(f"<p>{html.escape(licence.replace('%1', component.licence))}</p>")
    if component.url:
        parts.append(f"<p>{html.escape(home.replace('%1', component.url))}</p>")
    for paragraph in component.note.split("\n\n"):
        parts.append(f"<p>{html.escape(paragraph)}</p>")
    for name in component.texts:
        parts.append(f"<hr><p><b>{html.escape(name)}</b></p>")
        parts.append(f"<pre>{html.escape(resources.licence_text(name))}</pre>")
    return "".join(parts)


class AboutDialog(QDialog):
    """The program, its version and purpose; the bundled components and their licences."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._components = components()
        self._setup_ui()
        self._connect()
        self.select(0)

    def _setup_ui(self) -> None:
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("关于海珠报告阅读器"))
        self.setAccessibleName(self.windowTitle())
        name = html.escape(self.tr("海珠报告阅读器"))
        lines = [
            f"<h2>{name}</h2>",
            html.escape(self.tr("版本 %1").replace("%1", __version__)),
            html.escape(self.tr("离线阅读政府工作报告：目录、名词解释、全文搜索、批注与出处。")),
            html.escape(
                self.tr(
                    "本程序从不连接网络。它以 GPL-3.0-or-later 许可发布；所带组件及其许可如下。"
                )
            ),
        ]
        self._header = QLabel(lines[0] + "".join(f"<p>{line}</p>" for line in lines[1:]), self)
        self._header.setWordWrap(True)
        self._header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._header.setAccessibleName(self.tr("程序简介"))

        self._list = QTreeWidget(self)
        self._list.setObjectName("about_components")
        self._list.setAccessibleName(self.tr("随附组件"))
        self._list.setAccessibleDescription(self.tr("选择一个组件，右侧显示其许可证全文"))
        self._list.setHeaderLabels([self.tr("组件"), self.tr("版本"), self.tr("许可证")])
        self._list.setRootIsDecorated(False)
        self._list.setUniformRowHeights(True)
        self._list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for component in self._components:
            item = QTreeWidgetItem([component.name, component.version or "—", component.licence])
            self._list.addTopLevelItem(item)
        header = self._list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self._text = QTextBrowser(self)
        self._text.setObjectName("about_licence")
        self._text.setAccessibleName(self.tr("许可证全文"))
        self._text.setOpenLinks(False)  # no network: addresses are text to copy
        self._text.setTabChangesFocus(True)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._list)
        splitter.addWidget(self._text)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([340, 600])

        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = self._buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        close.setAccessibleName(self.tr("关闭"))

        layout = QVBoxLayout(self)
        layout.addWidget(self._header)
        layout.addWidget(splitter, 1)
        layout.addWidget(self._buttons)
        self.resize(980, 640)

    def _connect(self) -> None:
        self._buttons.rejected.connect(self.reject)
        self._list.currentItemChanged.connect(self._on_current)

    def components(self) -> list[Component]:
        return list(self._components)

    def select(self, row: int) -> None:
        """Show the licence of the component in ``row`` (0: this program)."""
        item = self._list.topLevelItem(row)
        if item is not None:
            self._list.setCurrentItem(item)

    def licence_shown(self) -> str:
        """The text on the right, as plain text (tests)."""
        return self._text.toPlainText()

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _on_current(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        row = self._list.indexOfTopLevelItem(item) if item is not None else -1
        if 0 <= row < len(self._components):
            self._text.setHtml(licence_html(self._components[row]))

    @classmethod
    def show_about(cls, parent: QWidget | None) -> None:
        """Show the dialog modally (tests replace this)."""
        dialog = cls(parent)
        dialog.exec()
        dialog.deleteLater()
