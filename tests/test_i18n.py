"""The interface language: every UI string has English, none escapes tr(), English loads.

The source strings are Chinese; haizhu_reader/translations/haizhu_reader_en.ts holds
the English. When a test here fails after you added a string, run
``python packaging/translations.py`` and translate what it lists.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QDockWidget, QMenu, QWidget
from pytestqt.qtbot import QtBot

from haizhu_reader.core.report import Report
from haizhu_reader.gui.common import language
from haizhu_reader.gui.window.mainwindow import MainWindow
from haizhu_reader.paths import AppPaths
from haizhu_reader.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
GUI = ROOT / "haizhu_reader" / "gui"
TS = ROOT / "haizhu_reader" / "translations" / "haizhu_reader_en.ts"
REFRESH = "run `python packaging/translations.py` and translate what it lists"

# Han characters and the full-width punctuation of Chinese text.
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
PLACEHOLDER = re.compile(r"%(?:\d|n)")
# The names lupdate extracts from: tr("…"), translate("Context", "…") and the NOOP markers.
TRANSLATING = {"tr": 1, "translate": 2, "QT_TR_NOOP": 1, "QT_TRANSLATE_NOOP": 2}

# Chinese literals in gui/ that are not UI text, each with its reason.
ALLOWED: dict[tuple[str, str], str] = {
    ("comfort/language_menu.py", "简体中文"): "a language is named in itself in either interface",
    ("common/language.py", "："): "Qt's Chinese catalogue writes a mnemonic before this colon",
    ("figures/chart.py", "个百分点"): "a unit as printed in the report, compared with data",
    ("figures/chart.py", "元"): "a unit as printed in the report, compared with data",
    ("figures/model.py", "增2502.52"): "column-width sample of report data",
    ("figures/model.py", "万人次"): "column-width sample of report data",
    ("figures/model.py", "左右"): "column-width sample of report data",
    ("figures/model.py", "类型"): "column-width sample of report data",
    ("figures/model.py", "二、（三）"): "column-width sample of report data",
    ("figures/model.py", "</b>\u3000<small>"): "spacing after a Chinese term",
    ("figures/table.py", "中"): "the glyph whose width sizes a column",
    ("glossary/pane.py", "\u3000"): "spacing between the report's place label and title",
    ("reader/view.py", "（"): "brackets around the report's own Chinese aliases",
    ("reader/view.py", "）"): "brackets around the report's own Chinese aliases",
    ("reader/view.py", "、"): "between the report's own Chinese aliases",
    ("comfort/font_dialog.py", "政府工作报告\u3000高质量发展 2023年 GDP 增长6.2%"): (
        "Chinese sample text for judging a Chinese reading font"
    ),
    # Lines on stderr, before or after the window: bilingual like the CLI's.
    ("launch.py", "窗口尺寸应写作 宽x高，如 1280x800（bad --size: "): "stderr, bilingual",
    ("launch.py", "haizhu-reader: 无法保存截图（cannot write "): "stderr, bilingual",
    ("launch.py", "）"): "stderr, bilingual",
    ("launch.py", "无法重新启动本程序，请手动启动（cannot start the program again）"): (
        "stderr, bilingual"
    ),
    ("launch.py", "无法保存截图："): "stderr, bilingual",
    ("launch.py", " 不是文件夹（cannot write "): "stderr, bilingual",
    ("launch.py", " is not a folder）"): "stderr, bilingual",
    ("launch.py", "haizhu-reader: 未能截图（the window closed before "): "stderr, bilingual",
    ("launch.py", " was saved）"): "stderr, bilingual",
}
# Modules that render the report itself: their Chinese is the report's typography.
CONTENT_MODULES = {
    "reader/typesetting.py": "dates (年月日), the meeting line and headings as printed",
    "reader/headings.py": "the punctuation a heading's line may break at (，、《“)",
    "printing/document.py": "the printed report, typeset like the reading view",
}


def _messages(ts: Path) -> dict[tuple[str, str, str], ET.Element]:
    """(context, source, comment) -> <message> of a .ts file."""
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for m in context.iter("message"):
            out[(name, m.findtext("source") or "", m.findtext("comment") or "")] = m
    return out


def _translations(message: ET.Element) -> list[str]:
    """The finished translation(s) of a message; [] if unfinished (plural forms: each)."""
    t = message.find("translation")
    if t is None or t.get("type") in ("unfinished", "vanished", "obsolete"):
        return []
    forms = [f.text or "" for f in t.iter("numerusform")]
    texts = forms if message.get("numerus") == "yes" else [t.text or ""]
    return texts if all(x.strip() for x in texts) else []


def _accelerators(text: str) -> int:
    return len(re.findall(r"(?<!&)&(?!&)", text))


# -- (1) the .ts covers every tr() string, properly ------------------------------------


def test_every_ui_string_has_a_finished_english_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "extracted.ts"
    subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "translations.py"), "extract", str(fresh)],
        check=True,
        capture_output=True,
    )
    extracted = _messages(fresh)
    assert len(extracted) > 150  # lupdate read the code
    kept = _messages(TS)
    missing = [key for key in extracted if key not in kept or not _translations(kept[key])]
    assert not missing, f"{len(missing)} UI strings lack English ({REFRESH}): {missing}"
    stale = [key for key in kept if key not in extracted]
    assert not stale, f"strings the code no longer has ({REFRESH}): {stale}"


def test_translations_keep_placeholders_and_accelerators_and_are_english() -> None:
    problems = []
    for (context, source, _), message in _messages(TS).items():
        for text in _translations(message):
            where = f"[{context}] {source!r} -> {text!r}"
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                problems.append(f"placeholders differ: {where}")
            if _accelerators(text) != _accelerators(source):
                problems.append(f"accelerators differ: {where}")
            if CHINESE.search(text):
                problems.append(f"Chinese in the English: {where}")
            for shortcut in re.findall(r"(?:Ctrl|Shift|Alt)(?:\+[A-Za-z0-9]+)+", source):
                if shortcut not in text:
                    problems.append(f"shortcut {shortcut} lost: {where}")
    assert not problems, "\n".join(problems)


# -- (2) no UI string escapes tr() --------------------------------------------------------


def _call_name(node: ast.Call) -> str:
    f = node.func
    return f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""


def _docstrings(tree: ast.Module) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
    return out


def _untranslated(path: Path) -> Iterator[str]:
    """Chinese literals outside tr()/translate(), and tr() calls lupdate cannot read."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inside: set[int] = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):  # lupdate does not look inside f-strings
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and _call_name(call) in TRANSLATING:
                    yield f"{path.name}:{call.lineno}: tr() inside an f-string"
        if not isinstance(node, ast.Call) or _call_name(node) not in TRANSLATING:
            continue
        literal = TRANSLATING[_call_name(node)]
        args = node.args[:literal]
        if _call_name(node) == "translate" and len(node.args) == 1:
            continue  # str.translate(table)
        if len(args) < literal or not all(
            isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args
        ):
            yield f"{path.name}:{node.lineno}: {_call_name(node)}() needs literal strings"
        inside.update(id(a) for a in ast.walk(node))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and CHINESE.search(node.value)
            and id(node) not in inside
            and (path.relative_to(GUI).as_posix(), node.value) not in ALLOWED
        ):
            yield f"{path.name}:{node.lineno}: {node.value!r} is not translated"


def test_no_chinese_ui_string_outside_tr() -> None:
    found = [
        problem
        for path in sorted(GUI.rglob("*.py"))
        if path.relative_to(GUI).as_posix() not in CONTENT_MODULES
        for problem in _untranslated(path)
    ]
    assert not found, "wrap these in self.tr() or QCoreApplication.translate():\n" + "\n".join(
        found
    )


def test_the_allowlist_has_no_dead_entries() -> None:
    for (module, text), reason in ALLOWED.items():
        tree = ast.parse((GUI / module).read_text(encoding="utf-8"))
        literals = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)}
        assert text in literals, (module, text, reason)
    for module in CONTENT_MODULES:
        assert (GUI / module).exists(), module


# -- choosing the language ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("choice", "system", "expected"),
    [
        ("auto", ["zh-CN"], "zh_CN"),
        ("auto", ["zh-Hans-CN", "en"], "zh_CN"),
        ("auto", ["zh-TW"], "zh_CN"),
        ("auto", ["en-US", "zh-CN"], "en"),
        ("auto", ["de-DE"], "en"),
        ("auto", ["C"], "zh_CN"),  # servers and CI: no language, keep the default
        ("auto", [], "zh_CN"),
        ("zh_CN", ["en-US"], "zh_CN"),
        ("zh", ["en-US"], "zh_CN"),
        ("en", ["zh-CN"], "en"),
        ("nonsense", ["zh-CN"], "zh_CN"),
    ],
)
def test_resolve(choice: str, system: list[str], expected: str) -> None:
    assert language.resolve(choice, system) == expected


def test_the_setting_round_trips_and_rejects_junk(app_paths: AppPaths) -> None:
    settings = Settings(app_paths.settings_file)
    assert settings.language() == "auto"
    settings.set_language("en")
    settings.sync()
    assert Settings(app_paths.settings_file).language() == "en"
    settings.set_language("fr")
    assert settings.language() == "auto"


# -- (3) the English interface --------------------------------------------------------


@pytest.fixture
def english(qapp: QApplication) -> Iterator[list[QTranslator]]:
    installed = language.install(qapp, language.ENGLISH)
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)


@pytest.mark.gui
def test_the_english_catalogue_is_package_data(english: list[QTranslator]) -> None:
    assert len(english) == 2, f"qtbase_en and {language.CATALOGUE} (built? {REFRESH})"
    assert language.ui_language() == language.ENGLISH
    assert language.pick("中文", "English") == "English"
    assert language.bilingual("中文", "English") == ("English", "中文")
    # Qt's own strings follow.
    assert QCoreApplication.translate("QPlatformTheme", "OK") == "OK"


@pytest.mark.gui
def test_chinese_is_the_default(qapp: QApplication) -> None:
    assert language.ui_language() == language.CHINESE
    assert language.pick("中文", "English") == "中文"
    installed = language.install(qapp, language.CHINESE)
    try:
        assert QCoreApplication.translate("QPlatformTheme", "OK") == "确定"
        assert language.bilingual("中文", "English") == ("中文", "English")
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def _visible_texts(window: MainWindow) -> list[str]:
    """What the user reads in the window's chrome: menus, actions, docks, tips, names."""
    texts = [m.title() for m in window.findChildren(QMenu)]
    for menu in window.findChildren(QMenu):
        for action in menu.actions():
            texts += [action.text(), action.toolTip(), action.statusTip()]
    for widget in window.findChildren(QWidget):
        texts += [widget.accessibleName(), widget.toolTip(), widget.windowTitle()]
        placeholder = getattr(widget, "placeholderText", None)
        if callable(placeholder):
            texts.append(str(placeholder()))
    return [t for t in texts if t]


@pytest.mark.gui
def test_the_window_in_english(
    qtbot: QtBot, report: Report, app_paths: AppPaths, english: list[QTranslator]
) -> None:
    w = MainWindow(Settings(app_paths.settings_file))
    qtbot.addWidget(w)
    w.open_report(report)
    w.make_panes()  # every menu item and pane, as right after the first paint
    titles = [a.text() for a in w.menuBar().actions()]
    assert titles[:3] == ["&File", "&Edit", "&View"] and titles[-1] == "&Help"
    docks = {d.objectName(): d.windowTitle() for d in w.findChildren(QDockWidget)}
    assert docks["sections_dock"] == "Contents"
    assert docks["glossary_dock"] == "Glossary"
    assert docks["figures_dock"] == "Figures"
    assert docks["search_dock"] == "Search"
    assert docks["annotations_dock"] == "Notes"  # short: four tabs share the dock
    assert w.windowTitle() == f"{report.title} — Haizhu Reader"
    # The report's own words (its title, section names in the Go menu) may be Chinese;
    # the chrome may not.
    content = {report.title, "简体中文", *(s.title for s in report.walk())}
    content |= {a.title for a in report.appendices}
    chinese = [
        t for t in _visible_texts(w) if CHINESE.search(t) and not any(c in t for c in content)
    ]
    assert not chinese, chinese


@pytest.mark.gui
def test_a_subclass_finds_its_bases_translations(qtbot: QtBot, english: list[QTranslator]) -> None:
    """PySide6 looks a tr() up under each class of the MRO: lupdate records the base's name."""

    class Window(MainWindow):
        pass

    w = Window()
    qtbot.addWidget(w)
    assert w.menuBar().actions()[0].text() == "&File"


@pytest.mark.gui
def test_the_language_menu_stores_the_choice(
    qtbot: QtBot, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from haizhu_reader.gui.comfort.language_menu import LanguageMenu, RestartQuestion

    asked: list[QWidget | None] = []
    monkeypatch.setattr(RestartQuestion, "ask", classmethod(lambda cls, p: asked.append(p)))
    settings = Settings(app_paths.settings_file)
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.make_panes()  # as right after the first paint: the View menu's items
    (menu,) = w.findChildren(LanguageMenu)
    assert "Language" in menu.title() and menu.isEnabled()
    english = next(a for a in menu.actions() if a.data() == "en")
    with qtbot.assertNotEmitted(w.restart_requested):
        english.trigger()  # 稍后: at the next start
    assert Settings(app_paths.settings_file).language() == "en"
    assert menu.choice() == "en" and asked == [w]
    chinese = next(a for a in menu.actions() if a.data() == "zh_CN")
    chinese.trigger()  # the language already shown: nothing to ask
    assert settings.language() == "zh_CN" and len(asked) == 1


@pytest.mark.gui
def test_lang_option_screenshot_in_english(qapp: QApplication, tmp_path: Path) -> None:
    from haizhu_reader.app import main

    out = tmp_path / "en.png"
    assert main(["--screenshot", str(out), "--lang", "en", "--data-dir", str(tmp_path)]) == 0
    assert out.stat().st_size > 10_000
    # The run removed its translators again.
    assert language.ui_language() == language.CHINESE
    # ...and left no quit request pending: handled by the session's next
    # processEvents, it made every later event loop return at once.
    qapp.processEvents()
    loop = QEventLoop()
    QTimer.singleShot(50, loop.quit)
    started = time.monotonic()
    loop.exec()
    assert time.monotonic() - started >= 0.04
