<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>关于海珠报告阅读器</source>
        <translation>About Haizhu Reader</translation>
    </message>
    <message>
        <source>海珠报告阅读器</source>
        <translation>Haizhu Reader</translation>
    </message>
    <message>
        <source>版本 %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>离线阅读政府工作报告：目录、名词解释、全文搜索、批注与出处。</source>
        <translation>Read government work reports offline: contents, glossary, full-text search, notes and citations.</translation>
    </message>
    <message>
        <source>本程序从不连接网络。它以 GPL-3.0-or-later 许可发布；所带组件及其许可如下。</source>
        <translation>This program never connects to the network. It is released under GPL-3.0-or-later; the components it ships and their licences are listed below.</translation>
    </message>
    <message>
        <source>程序简介</source>
        <translation>About the program</translation>
    </message>
    <message>
        <source>随附组件</source>
        <translation>Bundled components</translation>
    </message>
    <message>
        <source>选择一个组件，右侧显示其许可证全文</source>
        <translation>Select a component to see its full licence on the right</translation>
    </message>
    <message>
        <source>组件</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>许可证</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>许可证全文</source>
        <translation>Full licence text</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>AnnotationSession</name>
    <message>
        <source>此次运行未打开批注数据，不能添加批注</source>
        <translation>No annotation data is open in this run, so annotations cannot be added</translation>
    </message>
    <message>
        <source>批注数据只读，不能添加或修改批注</source>
        <translation>The annotation data is read-only: annotations cannot be added or changed</translation>
    </message>
    <message>
        <source>添加%1</source>
        <translation>Add %1</translation>
    </message>
    <message>
        <source>编辑批注</source>
        <translation>Edit Annotation</translation>
    </message>
    <message>
        <source>删除批注</source>
        <translation>Delete Annotation</translation>
    </message>
</context>
<context>
    <name>AnnotationsPane</name>
    <message>
        <source>批注提示</source>
        <translation>Annotation notice</translation>
    </message>
    <message>
        <source>筛选批注文字</source>
        <translation>Filter notes by text</translation>
    </message>
    <message>
        <source>筛选批注</source>
        <translation>Filter notes</translation>
    </message>
    <message>
        <source>按类型筛选</source>
        <translation>Filter by type</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>按颜色筛选</source>
        <translation>Filter by colour</translation>
    </message>
    <message>
        <source>全部颜色</source>
        <translation>All colours</translation>
    </message>
    <message>
        <source>按日期</source>
        <translation>By date</translation>
    </message>
    <message>
        <source>按日期分组</source>
        <translation>Group by date</translation>
    </message>
    <message>
        <source>批注列表</source>
        <translation>Note list</translation>
    </message>
    <message>
        <source>按回车在正文中转到所选批注</source>
        <translation>Press Enter to go to the selected note in the text</translation>
    </message>
    <message>
        <source>编辑笔记(&amp;N)…</source>
        <translation>Edit &amp;Note…</translation>
    </message>
    <message>
        <source>编辑笔记</source>
        <translation>Edit note</translation>
    </message>
    <message>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>删除批注</source>
        <translation>Delete annotation</translation>
    </message>
    <message>
        <source>批注数</source>
        <translation>Number of notes</translation>
    </message>
    <message>
        <source>%1 / %2 条</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>ComparisonTable</name>
    <message>
        <source>结果与目标对照表</source>
        <translation>Results and targets table</translation>
    </message>
    <message>
        <source>按回车在正文中显示该目标</source>
        <translation>Press Enter to show this target in the text</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>上年结果</source>
        <translation>Last year&apos;s result</translation>
    </message>
    <message>
        <source>今年目标</source>
        <translation>This year&apos;s target</translation>
    </message>
    <message>
        <source>报告未给出上年结果</source>
        <translation>The report gives no result for last year</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1（主要预期目标）</source>
        <translation>%1 (main target)</translation>
    </message>
</context>
<context>
    <name>Docks</name>
    <message>
        <source>显示%1</source>
        <translation>Show %1</translation>
    </message>
    <message>
        <source>%1窗格，按 %2 显示或隐藏</source>
        <translation>%1 pane; press %2 to show or hide it</translation>
    </message>
</context>
<context>
    <name>FiguresPane</name>
    <message>
        <source>数据视图</source>
        <translation>Figure views</translation>
    </message>
    <message>
        <source>筛选指标、原文或位置</source>
        <translation>Filter indicator, text, place</translation>
    </message>
    <message>
        <source>筛选数据</source>
        <translation>Filter figures</translation>
    </message>
    <message>
        <source>数据类型</source>
        <translation>Figure type</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>导出数据表为CSV</source>
        <translation>Export the figures as CSV</translation>
    </message>
    <message>
        <source>把表中显示的数据导出为 CSV 文件（UTF-8）</source>
        <translation>Export the figures shown in the table to a CSV file (UTF-8)</translation>
    </message>
    <message>
        <source>数据表</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>数据条数</source>
        <translation>Number of figures</translation>
    </message>
    <message>
        <source>目标条数</source>
        <translation>Number of targets</translation>
    </message>
    <message>
        <source>对比图区域</source>
        <translation>Comparison chart area</translation>
    </message>
    <message>
        <source>结果与目标</source>
        <translation>Results vs. targets</translation>
    </message>
    <message>
        <source>%1 项目标，其中 %2 项有上年结果（粗体为主要预期目标）</source>
        <translation>%1 targets, %2 with last year&apos;s result (main targets in bold)</translation>
    </message>
    <message>
        <source>%1-数据表.csv</source>
        <translation>%1-figures.csv</translation>
    </message>
    <message>
        <source>报告</source>
        <translation>report</translation>
    </message>
    <message>
        <source>无法导出数据表</source>
        <translation>Cannot export the figures</translation>
    </message>
    <message>
        <source>正在提取数据…</source>
        <translation>Extracting figures…</translation>
    </message>
    <message>
        <source>共 %1 条</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <source>显示 %1 条，共 %2 条</source>
        <translation>Showing %1 of %2</translation>
    </message>
</context>
<context>
    <name>FiguresTable</name>
    <message>
        <source>数据表</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>按回车在正文中显示所选数据</source>
        <translation>Press Enter to show the selected figure in the text</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>页内查找</source>
        <translation>Find in text</translation>
    </message>
    <message>
        <source>在正文中查找</source>
        <translation>Find in the report text</translation>
    </message>
    <message>
        <source>匹配数</source>
        <translation>Matches</translation>
    </message>
    <message>
        <source>上一个</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>下一个</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>全部高亮</source>
        <translation>Highlight all</translation>
    </message>
    <message>
        <source>关闭查找栏</source>
        <translation>Close the find bar</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <comment>button (shortcut)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>无匹配</source>
        <translation>No matches</translation>
    </message>
</context>
<context>
    <name>FontDialog</name>
    <message>
        <source>字体</source>
        <translation>Font</translation>
    </message>
    <message>
        <source>选择阅读字体</source>
        <translation>Choose the reading font</translation>
    </message>
    <message>
        <source>正文字体（仅列出含简体中文字形的字体）：</source>
        <translation>Reading font (only fonts with Simplified Chinese glyphs are listed):</translation>
    </message>
    <message>
        <source>正文字体</source>
        <translation>Reading font</translation>
    </message>
    <message>
        <source>字体示例</source>
        <translation>Font sample</translation>
    </message>
    <message>
        <source>自动选择(&amp;A)</source>
        <translation>&amp;Automatic</translation>
    </message>
    <message>
        <source>自动选择字体</source>
        <translation>Choose the font automatically</translation>
    </message>
</context>
<context>
    <name>GlossaryPane</name>
    <message>
        <source>筛选名词（可用拼音首字母，如 sqqy）</source>
        <translation>Filter terms (pinyin initials: sqqy)</translation>
    </message>
    <message>
        <source>筛选名词</source>
        <translation>Filter terms</translation>
    </message>
    <message>
        <source>名词列表</source>
        <translation>Term list</translation>
    </message>
    <message>
        <source>选中名词即显示释义；按回车转到其出现位置列表</source>
        <translation>Selecting a term shows its definition; press Enter to go to its list of occurrences</translation>
    </message>
    <message>
        <source>名词释义</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>出现位置</source>
        <translation>Occurrences</translation>
    </message>
    <message>
        <source>按回车在正文中显示此处</source>
        <translation>Press Enter to show this place in the text</translation>
    </message>
    <message>
        <source>选择一个名词查看释义</source>
        <translation>Select a term to see its definition</translation>
    </message>
    <message>
        <source>、</source>
        <comment>between aliases</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>又作：%1</source>
        <translation>Also: %1</translation>
    </message>
    <message numerus="yes">
        <source>在正文中出现 %n 处</source>
        <translation>
            <numerusform>Occurs %n time in the text</numerusform>
            <numerusform>Occurs %n times in the text</numerusform>
        </translation>
    </message>
    <message>
        <source>正在准备拼音检索…</source>
        <translation>Preparing pinyin search…</translation>
    </message>
    <message>
        <source>没有匹配的名词</source>
        <translation>No matching terms</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <source>键盘快捷键(&amp;K)</source>
        <translation>&amp;Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>界面语言 / Language(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>跟随系统(&amp;S)</source>
        <translation>Follow the &amp;System</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>海珠报告阅读器</source>
        <translation>Haizhu Reader</translation>
    </message>
    <message>
        <source>目录</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>名词解释</source>
        <translation>Glossary</translation>
    </message>
    <message>
        <source>数据</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>批注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>%1 — 海珠报告阅读器</source>
        <translation>%1 — Haizhu Reader</translation>
    </message>
    <message>
        <source>已复制所选文字及出处</source>
        <translation>Copied the selection with its citation</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>按 %1 转到下一节，%2 转到上一节，Alt+数字键转到各部分</source>
        <translation>Press %1 for the next section, %2 for the previous one, Alt+number for a part</translation>
    </message>
    <message>
        <source>转到(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>下一节(&amp;N)</source>
        <translation>&amp;Next Section</translation>
    </message>
    <message>
        <source>上一节(&amp;P)</source>
        <translation>&amp;Previous Section</translation>
    </message>
    <message>
        <source>转到：%1</source>
        <translation>Go to: %1</translation>
    </message>
</context>
<context>
    <name>PrintOptionsDialog</name>
    <message>
        <source>范围</source>
        <translation>Range</translation>
    </message>
    <message>
        <source>打印范围</source>
        <translation>Print range</translation>
    </message>
    <message>
        <source>整篇报告(&amp;W)</source>
        <translation>&amp;Whole report</translation>
    </message>
    <message>
        <source>整篇报告</source>
        <translation>Whole report</translation>
    </message>
    <message>
        <source>当前章节</source>
        <translation>Current section</translation>
    </message>
    <message>
        <source>当前章节(&amp;S)：%1</source>
        <translation>Current &amp;section: %1</translation>
    </message>
    <message>
        <source>当前章节(&amp;S)</source>
        <translation>Current &amp;section</translation>
    </message>
    <message>
        <source>附上我的笔记（共 %1 条）(&amp;N)</source>
        <translation>Include my &amp;notes (%1)</translation>
    </message>
    <message>
        <source>附上我的笔记（暂无笔记）(&amp;N)</source>
        <translation>Include my &amp;notes (none yet)</translation>
    </message>
    <message>
        <source>附上我的笔记</source>
        <translation>Include my notes</translation>
    </message>
    <message>
        <source>印出高亮和下划线（共 %1 处）(&amp;H)</source>
        <translation>Print &amp;highlights and underlines (%1)</translation>
    </message>
    <message>
        <source>印出高亮和下划线（暂无）(&amp;H)</source>
        <translation>Print &amp;highlights and underlines (none yet)</translation>
    </message>
    <message>
        <source>印出高亮和下划线</source>
        <translation>Print highlights and underlines</translation>
    </message>
    <message>
        <source>浅色底纹加虚线，黑白打印也看得出</source>
        <translation>A light tint with a dashed line under it: visible in black and white too</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReaderAnnotator</name>
    <message>
        <source>高亮：%1</source>
        <translation>Highlight: %1</translation>
    </message>
    <message>
        <source>下划线(&amp;U)</source>
        <translation>&amp;Underline</translation>
    </message>
    <message>
        <source>为所选文字添加笔记(&amp;N)…</source>
        <translation>Add &amp;Note to Selection…</translation>
    </message>
    <message>
        <source>为本段添加笔记(&amp;P)…</source>
        <translation>Add Note to &amp;Paragraph…</translation>
    </message>
    <message>
        <source>为本节添加笔记(&amp;S)…</source>
        <translation>Add Note to Sec&amp;tion…</translation>
    </message>
    <message>
        <source>为本段添加书签(&amp;B)</source>
        <translation>&amp;Bookmark Paragraph</translation>
    </message>
    <message>
        <source>无法保存批注</source>
        <translation>Cannot save the annotation</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>请先选中文字</source>
        <translation>Select some text first</translation>
    </message>
    <message>
        <source>标注所选文字</source>
        <translation>Mark the selected text</translation>
    </message>
    <message>
        <source>添加笔记</source>
        <translation>Add Note</translation>
    </message>
    <message>
        <source>所选文字：%1</source>
        <translation>Selected text: %1</translation>
    </message>
    <message>
        <source>为本段添加笔记</source>
        <translation>Add Note to Paragraph</translation>
    </message>
    <message>
        <source>段落：%1</source>
        <translation>Paragraph: %1</translation>
    </message>
    <message>
        <source>为本节添加笔记</source>
        <translation>Add Note to Section</translation>
    </message>
    <message>
        <source>章节：%1</source>
        <translation>Section: %1</translation>
    </message>
    <message>
        <source>已取消本段书签</source>
        <translation>Bookmark removed from this paragraph</translation>
    </message>
    <message>
        <source>编辑笔记</source>
        <translation>Edit Note</translation>
    </message>
    <message>
        <source>已删除批注（Ctrl+Z 撤销）</source>
        <translation>Annotation deleted (Ctrl+Z to undo)</translation>
    </message>
    <message>
        <source>此批注已删除</source>
        <translation>This annotation has been deleted</translation>
    </message>
    <message>
        <source>原文已改动，此批注未能定位</source>
        <translation>The text has changed: this annotation could not be placed</translation>
    </message>
    <message>
        <source>%1-批注.md</source>
        <translation>%1-notes.md</translation>
    </message>
    <message>
        <source>批注</source>
        <translation>notes</translation>
    </message>
    <message>
        <source>正在导出批注…</source>
        <translation>Exporting notes…</translation>
    </message>
    <message>
        <source>已导出 %1 条批注到 %2</source>
        <translation>Notes exported to %2: %1</translation>
    </message>
    <message>
        <source>无法导出批注</source>
        <translation>Cannot export the notes</translation>
    </message>
    <message>
        <source>无法导入批注</source>
        <translation>Cannot import the notes</translation>
    </message>
    <message>
        <source>已导入：新增 %1 条，更新 %2 条，跳过 %3 条；%4 条已按原文定位</source>
        <translation>Imported: %1 new, %2 updated, %3 skipped; %4 placed by their quotes</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>报告正文</source>
        <translation>Report text</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>全选</source>
        <translation>Select All</translation>
    </message>
    <message>
        <source>查看名词解释：%1</source>
        <translation>Look Up in Glossary: %1</translation>
    </message>
</context>
<context>
    <name>RecentFilesMenu</name>
    <message>
        <source>最近打开(&amp;T)</source>
        <translation>Recen&amp;t Reports</translation>
    </message>
    <message>
        <source>最近打开的报告</source>
        <translation>Recently opened reports</translation>
    </message>
    <message>
        <source>清除列表(&amp;C)</source>
        <translation>&amp;Clear List</translation>
    </message>
    <message>
        <source>最近打开</source>
        <translation>Recent Reports</translation>
    </message>
    <message>
        <source>找不到文件：
%1

它可能已被移动、改名或删除，已从列表中移除。</source>
        <translation>Cannot find the file:
%1

It may have been moved, renamed or deleted; it has been removed from the list.</translation>
    </message>
</context>
<context>
    <name>ReportLoader</name>
    <message>
        <source>正在打开 %1…</source>
        <translation>Opening %1…</translation>
    </message>
    <message>
        <source>无法打开报告</source>
        <translation>Cannot open the report</translation>
    </message>
</context>
<context>
    <name>ReportPrinter</name>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>打印预览</source>
        <translation>Print Preview</translation>
    </message>
    <message>
        <source>预览(&amp;V)</source>
        <translation>Pre&amp;view</translation>
    </message>
    <message>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>导出(&amp;E)…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>正在导出 PDF…</source>
        <translation>Exporting PDF…</translation>
    </message>
    <message>
        <source>无法打印</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <source>已导出 PDF：%1</source>
        <translation>PDF exported: %1</translation>
    </message>
    <message>
        <source>无法导出 PDF</source>
        <translation>Cannot export the PDF</translation>
    </message>
</context>
<context>
    <name>ResultsChart</name>
    <message>
        <source>结果与目标对比图</source>
        <translation>Results versus targets chart</translation>
    </message>
    <message>
        <source>上年结果</source>
        <translation>Last year&apos;s result</translation>
    </message>
    <message>
        <source>今年目标</source>
        <translation>This year&apos;s target</translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message>
        <source>搜索全文</source>
        <translation>Search the full text</translation>
    </message>
    <message>
        <source>搜索全文（Ctrl+Shift+F）</source>
        <translation>Search the full text (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>空格分隔的词都须出现；OR 表示任一；&quot;引号&quot; 精确匹配；-词 排除</source>
        <translation>Space-separated words must all occur; OR means either; &quot;quotes&quot; match exactly; -word excludes</translation>
    </message>
    <message>
        <source>搜索范围</source>
        <translation>Search scope</translation>
    </message>
    <message>
        <source>正文</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>名词解释</source>
        <translation>Glossary</translation>
    </message>
    <message>
        <source>批注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>按相关度</source>
        <translation>By relevance</translation>
    </message>
    <message>
        <source>按相关度排序</source>
        <translation>Sort by relevance</translation>
    </message>
    <message>
        <source>按相关度排序（否则按正文顺序分组）</source>
        <translation>Sort by relevance (otherwise grouped in reading order)</translation>
    </message>
    <message>
        <source>搜索状态</source>
        <translation>Search status</translation>
    </message>
    <message>
        <source>搜索结果</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>按回车在正文中显示所选结果</source>
        <translation>Press Enter to show the selected result in the text</translation>
    </message>
    <message>
        <source>正在准备搜索索引…</source>
        <translation>Preparing the search index…</translation>
    </message>
    <message>
        <source>输入要查找的文字：空格分隔多个词，OR 表示任一，&quot;引号&quot; 精确匹配，-词 排除</source>
        <translation>Type the text to find: words separated by spaces must all occur, OR means either, &quot;quotes&quot; match exactly, -word excludes</translation>
    </message>
    <message>
        <source>没有找到</source>
        <translation>Nothing found</translation>
    </message>
    <message>
        <source>%1 个结果</source>
        <translation>Results: %1</translation>
    </message>
    <message>
        <source>搜索不可用：%1</source>
        <translation>Search unavailable: %1</translation>
    </message>
</context>
<context>
    <name>SectionTree</name>
    <message>
        <source>筛选目录</source>
        <translation>Filter contents</translation>
    </message>
    <message>
        <source>目录</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>按回车在正文中转到所选章节</source>
        <translation>Press Enter to go to the selected section in the text</translation>
    </message>
</context>
<context>
    <name>SelectionBar</name>
    <message>
        <source>批注工具栏</source>
        <translation>Annotation toolbar</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>键盘快捷键</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>命令</source>
        <translation>Command</translation>
    </message>
    <message>
        <source>快捷键</source>
        <translation>Shortcut</translation>
    </message>
    <message>
        <source>菜单</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>（不在菜单中）</source>
        <translation>(not in a menu)</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>快捷键列表</source>
        <translation>Shortcut list</translation>
    </message>
    <message>
        <source>按命令、按键或菜单筛选</source>
        <translation>Filter by command, key or menu</translation>
    </message>
    <message>
        <source>筛选快捷键</source>
        <translation>Filter shortcuts</translation>
    </message>
    <message>
        <source>输入文字筛选下方列表，按下箭头进入列表</source>
        <translation>Type to filter the list below; press Down to move into the list</translation>
    </message>
    <message>
        <source>筛选(&amp;S)：</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>命令数目</source>
        <translation>Number of commands</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>共 %1 项</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <source>%1 / %2 项</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>当前位置</source>
        <translation>Current place</translation>
    </message>
    <message>
        <source>阅读进度</source>
        <translation>Reading progress</translation>
    </message>
    <message>
        <source>已读 %1%</source>
        <translation>%1% read</translation>
    </message>
    <message>
        <source>注意：文件有 %1 处损坏的字节，已在正文中显示为 �</source>
        <translation>Note: the file has %1 damaged bytes, shown as � in the text</translation>
    </message>
    <message>
        <source>已导出 %1 条数据到 %2</source>
        <translation>Exported %1 figures to %2</translation>
    </message>
</context>
<context>
    <name>ViewOptions</name>
    <message>
        <source>放大(&amp;I)</source>
        <translation>Zoom &amp;In</translation>
    </message>
    <message>
        <source>缩小(&amp;O)</source>
        <translation>Zoom &amp;Out</translation>
    </message>
    <message>
        <source>原始大小(&amp;R)</source>
        <translation>&amp;Reset Zoom</translation>
    </message>
    <message>
        <source>字体(&amp;F)…</source>
        <translation>&amp;Font…</translation>
    </message>
    <message>
        <source>标出文中数据(&amp;M)</source>
        <translation>&amp;Mark Figures in the Text</translation>
    </message>
    <message>
        <source>为正文中的每个数据加底色（数据窗格在前时总会标出）</source>
        <translation>Tint every figure in the text (they are always tinted while the Figures pane is in front)</translation>
    </message>
    <message>
        <source>全屏阅读(&amp;U)</source>
        <translation>F&amp;ull-Screen Reading</translation>
    </message>
    <message>
        <source>%1（默认）</source>
        <translation>%1 (default)</translation>
    </message>
    <message>
        <source>标准（100%）</source>
        <translation>Normal (100%)</translation>
    </message>
    <message>
        <source>大（125%）</source>
        <translation>Large (125%)</translation>
    </message>
    <message>
        <source>特大（150%）</source>
        <translation>Extra Large (150%)</translation>
    </message>
    <message>
        <source>超大（175%）</source>
        <translation>Huge (175%)</translation>
    </message>
    <message>
        <source>跟随系统(&amp;S)</source>
        <translation>Follow the &amp;System</translation>
    </message>
    <message>
        <source>浅色(&amp;L)</source>
        <translation>&amp;Light</translation>
    </message>
    <message>
        <source>米黄(&amp;E)</source>
        <translation>S&amp;epia</translation>
    </message>
    <message>
        <source>深色(&amp;D)</source>
        <translation>&amp;Dark</translation>
    </message>
    <message>
        <source>文字大小(&amp;Z)</source>
        <translation>Text Si&amp;ze</translation>
    </message>
    <message>
        <source>行距(&amp;P)</source>
        <translation>Line S&amp;pacing</translation>
    </message>
    <message>
        <source>主题(&amp;T)</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <source>界面文字大小(&amp;N)</source>
        <translation>I&amp;nterface Text Size</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>打开报告(&amp;O)…</source>
        <translation>&amp;Open Report…</translation>
    </message>
    <message>
        <source>打开随附的海珠区报告(&amp;B)</source>
        <translation>Open the &amp;Bundled Haizhu District Report</translation>
    </message>
    <message>
        <source>导出数据表(&amp;E)…</source>
        <translation>&amp;Export Figures…</translation>
    </message>
    <message>
        <source>导出批注(&amp;X)…</source>
        <translation>E&amp;xport Notes…</translation>
    </message>
    <message>
        <source>导入批注(&amp;I)…</source>
        <translation>&amp;Import Notes…</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>打印预览(&amp;R)…</source>
        <translation>P&amp;rint Preview…</translation>
    </message>
    <message>
        <source>导出 PDF(&amp;D)…</source>
        <translation>Export P&amp;DF…</translation>
    </message>
    <message>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>复制并注明出处(&amp;C)</source>
        <translation>&amp;Copy with Citation</translation>
    </message>
    <message>
        <source>页内查找(&amp;F)…</source>
        <translation>&amp;Find in Text…</translation>
    </message>
    <message>
        <source>全文搜索(&amp;S)…</source>
        <translation>&amp;Search Full Text…</translation>
    </message>
    <message>
        <source>转到目录</source>
        <translation>Go to Contents</translation>
    </message>
    <message>
        <source>转到正文</source>
        <translation>Go to Text</translation>
    </message>
    <message>
        <source>转到名词解释</source>
        <translation>Go to Glossary</translation>
    </message>
    <message>
        <source>转到数据表</source>
        <translation>Go to Figures</translation>
    </message>
    <message>
        <source>转到搜索</source>
        <translation>Go to Search</translation>
    </message>
    <message>
        <source>转到批注</source>
        <translation>Go to Notes</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>高亮(&amp;H)</source>
        <translation>&amp;Highlight</translation>
    </message>
</context>
<context>
    <name>about_dialog</name>
    <message>
        <source>本程序通过 Qt for Python（PySide6）使用 Qt 6，并依 GNU 宽通用公共许可证第 3 版（LGPL-3.0）使用二者。Qt 与 PySide6 以未经修改的独立动态链接库随附（程序目录中的 libQt6*、libpyside6*、libshiboken6* 或 Qt6*.dll 等文件）：您可以用自行编译或修改的兼容版本替换这些库，本程序仍可运行。LGPL 要求的源代码可从 %1 （Qt）和 %2 （PySide6，标签 v%3）获取。LGPL-3.0 是在 GPL-3.0 之上的附加许可，二者全文见下。</source>
        <translation>This program uses Qt 6 through Qt for Python (PySide6), both under the GNU Lesser General Public License version 3 (LGPL-3.0). Qt and PySide6 ship unmodified, as separate dynamically linked libraries (the libQt6*, libpyside6*, libshiboken6* or Qt6*.dll files in the program folder): you can replace them with compatible versions you built or modified yourself, and the program still runs. The source code the LGPL requires is available from %1 (Qt) and %2 (PySide6, tag v%3). LGPL-3.0 is a set of additional permissions on top of GPL-3.0; the full texts of both follow.</translation>
    </message>
    <message>
        <source>Qt 自带的第三方组件（如 ICU、HarfBuzz、FreeType）的许可见 %1。</source>
        <translation>For the licences of the third-party components Qt ships (such as ICU, HarfBuzz and FreeType), see %1.</translation>
    </message>
    <message>
        <source>海珠报告阅读器</source>
        <translation>Haizhu Reader</translation>
    </message>
    <message>
        <source>本程序是自由软件：您可以依自由软件基金会发布的 GNU 通用公共许可证第 3 版或（由您选择）任何更高版本再发布和修改它。本程序不提供任何担保。</source>
        <translation>This program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version. It comes with no warranty.</translation>
    </message>
    <message>
        <source>全文搜索索引。</source>
        <translation>The full-text search index.</translation>
    </message>
    <message>
        <source>Whoosh 所依赖的小组件。</source>
        <translation>A small component Whoosh depends on.</translation>
    </message>
    <message>
        <source>名词解释按拼音筛选。</source>
        <translation>Pinyin filtering of the glossary.</translation>
    </message>
    <message>
        <source>把批注导出为 Word 文档。</source>
        <translation>Exports notes as Word documents.</translation>
    </message>
    <message>
        <source>python-docx 所依赖的 XML 库。其二进制包内含 libxml2、libxslt、libexslt（MIT）、zlib（zlib 许可）和 GNU libiconv（LGPL-2.1），详见下文；LGPL-2.1 全文附后。</source>
        <translation>The XML library python-docx depends on. Its binary package includes libxml2, libxslt, libexslt (MIT), zlib (zlib licence) and GNU libiconv (LGPL-2.1), described below; the full LGPL-2.1 text follows.</translation>
    </message>
    <message>
        <source>python-docx 所依赖的小组件。</source>
        <translation>A small component python-docx depends on.</translation>
    </message>
    <message>
        <source>打包版本随附 Python 解释器及其标准库。</source>
        <translation>The packaged builds ship the Python interpreter and its standard library.</translation>
    </message>
    <message>
        <source>Inno Setup（Windows 安装程序）</source>
        <translation>Inno Setup (the Windows installer)</translation>
    </message>
    <message>
        <source>Windows 版的安装和卸载程序由 Inno Setup 制作，其简体中文界面来自 Inno Setup 用户贡献的翻译（ChineseSimplified.isl，由 Zhenghan Yang 维护），本项目为 Inno Setup 6.4 删改了其中几条消息。二者均依下列许可随附。</source>
        <translation>The Windows installer and uninstaller are made with Inno Setup; their Simplified Chinese interface is Inno Setup&apos;s user-contributed translation (ChineseSimplified.isl, maintained by Zhenghan Yang), in which this project changed a few messages for Inno Setup 6.4. Both come under the licence below.</translation>
    </message>
    <message>
        <source>中文字体</source>
        <translation>Chinese font</translation>
    </message>
    <message>
        <source>未随附</source>
        <translation>Not bundled</translation>
    </message>
    <message>
        <source>本程序不带字体，使用操作系统已安装的中文字体（如文泉驿微米黑、思源黑体、微软雅黑）。</source>
        <translation>The program ships no font: it uses a Chinese font installed on the system (such as WenQuanYi Micro Hei, Source Han Sans or Microsoft YaHei).</translation>
    </message>
    <message>
        <source>许可证：%1</source>
        <translation>Licence: %1</translation>
    </message>
    <message>
        <source>主页：%1</source>
        <translation>Home page: %1</translation>
    </message>
</context>
<context>
    <name>annotation_dialogs</name>
    <message>
        <source>批注位置</source>
        <translation>Annotated place</translation>
    </message>
    <message>
        <source>批注内容</source>
        <translation>Note text</translation>
    </message>
    <message>
        <source>Ctrl+Enter 保存，Esc 取消</source>
        <translation>Ctrl+Enter saves, Esc cancels</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>网页 (*.html)</source>
        <translation>Web page (*.html)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>导出批注</source>
        <translation>Export Notes</translation>
    </message>
    <message>
        <source>导入批注</source>
        <translation>Import Notes</translation>
    </message>
    <message>
        <source>批注 JSON (*.json *.jsonld);;所有文件 (*)</source>
        <translation>Notes JSON (*.json *.jsonld);;All files (*)</translation>
    </message>
    <message>
        <source>仍要把它们导入《%1》吗？按原文找得到的批注放到原处，找不到的保留在批注栏“未能定位的批注”下。</source>
        <translation>Import them into “%1” all the same? Those whose quoted text is found go there; the others are kept in the Annotations pane under “not placed”.</translation>
    </message>
    <message>
        <source>导入到本报告</source>
        <translation>Import into this report</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>……另有 %1 条</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <source>有 %1 条批注在本报告中找不到原文。它们已保留，列在批注栏“未能定位的批注”下：</source>
        <translation>%1 annotations quote text this report does not contain. They are kept, listed in the Annotations pane under “not placed”:</translation>
    </message>
    <message>
        <source>批注数据</source>
        <translation>Annotation data</translation>
    </message>
</context>
<context>
    <name>annotations</name>
    <message>
        <source>高亮</source>
        <translation>Highlight</translation>
    </message>
    <message>
        <source>下划线</source>
        <translation>Underline</translation>
    </message>
    <message>
        <source>笔记</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>书签</source>
        <translation>Bookmark</translation>
    </message>
    <message>
        <source>黄色</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>绿色</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>蓝色</source>
        <translation>Blue</translation>
    </message>
    <message>
        <source>粉色</source>
        <translation>Pink</translation>
    </message>
    <message>
        <source>紫色</source>
        <translation>Purple</translation>
    </message>
    <message>
        <source>橙色</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <comment>kind (colour)</comment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>打开报告</source>
        <translation>Open Report</translation>
    </message>
    <message>
        <source>报告文本 (*.txt *.md *.markdown);;所有文件 (*)</source>
        <translation>Report text (*.txt *.md *.markdown);;All files (*)</translation>
    </message>
</context>
<context>
    <name>figures</name>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>限定</source>
        <translation>Qualifier</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>增%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <source>降%1</source>
        <translation>−%1</translation>
    </message>
    <message>
        <source>叙述：%1</source>
        <translation>Narrative: %1</translation>
    </message>
    <message>
        <source>（叙述）</source>
        <translation>(narrative)</translation>
    </message>
    <message>
        <source>；排名：%1</source>
        <translation>; rank: %1</translation>
    </message>
    <message>
        <source>%1：%2（%3）</source>
        <translation>%1: %2 (%3)</translation>
    </message>
</context>
<context>
    <name>figures_chart</name>
    <message>
        <source>增速与比率（%1）</source>
        <translation>Growth and ratios (%1)</translation>
    </message>
    <message>
        <source>金额（%1）</source>
        <translation>Amounts (%1)</translation>
    </message>
    <message>
        <source>数量（%1）</source>
        <translation>Quantities (%1)</translation>
    </message>
    <message>
        <source>上表指标的上年结果与今年目标单位不同（如亿元与%），无法并列作图。</source>
        <translation>The results and targets in the table above are in different units (such as 100 million yuan and %), so they cannot be drawn side by side.</translation>
    </message>
    <message>
        <source>本报告中没有同时给出上年结果和今年目标的指标。</source>
        <translation>No indicator in this report has both last year&apos;s result and this year&apos;s target.</translation>
    </message>
    <message>
        <source>%1：上年结果%2，今年目标%3</source>
        <translation>%1: last year %2, target this year %3</translation>
    </message>
    <message>
        <source>；</source>
        <comment>between two comparisons</comment>
        <translation>; </translation>
    </message>
    <message>
        <source>%1。</source>
        <translation>%1.</translation>
    </message>
</context>
<context>
    <name>figures_pane</name>
    <message>
        <source>导出数据表</source>
        <translation>Export Figures</translation>
    </message>
    <message>
        <source>CSV 表格 (*.csv)</source>
        <translation>CSV table (*.csv)</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
</context>
<context>
    <name>jobs</name>
    <message>
        <source>无法写入文件：%1（%2）</source>
        <translation>Cannot write %1 (%2)</translation>
    </message>
</context>
<context>
    <name>language</name>
    <message>
        <source>zh_CN</source>
        <comment>the interface language&apos;s code: en in the English catalogue</comment>
        <translation>en</translation>
    </message>
</context>
<context>
    <name>language_menu</name>
    <message>
        <source>界面语言</source>
        <translation>Interface Language</translation>
    </message>
    <message>
        <source>新的界面语言要在本程序重新启动后使用。现在重新启动吗？</source>
        <translation>The new interface language takes effect when the program starts again. Restart now?</translation>
    </message>
    <message>
        <source>批注都已保存；重新启动后仍打开当前报告，回到现在的阅读位置。</source>
        <translation>Your annotations are saved; after the restart the current report opens again at the place you are reading.</translation>
    </message>
    <message>
        <source>立即重启(&amp;R)</source>
        <translation>&amp;Restart Now</translation>
    </message>
    <message>
        <source>稍后(&amp;L)</source>
        <translation>&amp;Later</translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <source>上次阅读的报告已找不到：%1。已打开随附的海珠区报告。</source>
        <translation>The report you were reading last cannot be found: %1. The bundled Haizhu report is open instead.</translation>
    </message>
    <message>
        <source>上次阅读的报告无法打开：%1（%2）。已打开随附的海珠区报告。</source>
        <translation>The report you were reading last cannot be opened: %1 (%2). The bundled Haizhu report is open instead.</translation>
    </message>
    <message>
        <source>海珠报告阅读器</source>
        <translation>Haizhu Reader</translation>
    </message>
</context>
<context>
    <name>print_document</name>
    <message>
        <source>笔记：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <source>第 %1 页 / 共 %2 页</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>所选页码不在打印内容之内（共 %1 页）</source>
        <translation>The pages chosen are outside the printout (%1 pages)</translation>
    </message>
    <message>
        <source>无法开始打印</source>
        <translation>Cannot start printing</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>打印预览</source>
        <translation>Print Preview</translation>
    </message>
    <message>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>PDF 文档 (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
</context>
</TS>
