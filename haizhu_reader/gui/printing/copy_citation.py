"""Edit › 复制并注明出处 (Ctrl+Shift+C): the reader's selection, quoted, with its source.

The words and the place come from the reading view (the place is the paragraph
the selection starts in, 二、（三）第2段, or the section of a heading);
``core.quoting`` makes the text, so a copied quote cites a passage exactly as
an exported note does.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from haizhu_reader.core.quoting import quote_with_citation
from haizhu_reader.gui.reader.view import ReaderView


def cited_selection(reader: ReaderView) -> str:
    """“……”（《title》二、（三）第2段) for the reader's selection; '' with none."""
    report = reader.report()
    cursor = reader.textCursor()
    if report is None or not cursor.hasSelection():
        return ""
    text = cursor.selection().toPlainText()
    if not text.strip():
        return ""
    # The place is where the quoted words start: a selection dragged from the end of
    # one paragraph begins with a paragraph break the quote trims (one character per
    # document position in selectedText). Above the first section, the title alone.
    raw = cursor.selectedText()
    start = cursor.selectionStart() + len(raw) - len(raw.lstrip())  # U+2029 is a space too
    index = reader.document_index()
    section = index.section_at(start, before_first="")
    paragraph = index.paragraph_at(start)  # None in a heading: the section is cited
    return quote_with_citation(report, section, text, paragraph[0] if paragraph else "")


def copy_with_citation(reader: ReaderView) -> bool:
    """Put the cited selection on the clipboard; False when nothing is selected."""
    text = cited_selection(reader)
    if text:
        QGuiApplication.clipboard().setText(text)
    return bool(text)
