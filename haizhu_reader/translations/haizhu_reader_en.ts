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
    <name>AddingProgress</name>
    <message>
        <source>加入书架的进度</source>
        <translation>Adding to the shelf: progress</translation>
    </message>
    <message>
        <source>取消(&amp;C)</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>停止加入：已加入的报告保留在书架上</source>
        <translation>Stop adding: the reports already added stay on the shelf</translation>
    </message>
    <message>
        <source>正在查找报告文件…</source>
        <translation>Looking for report files…</translation>
    </message>
    <message>
        <source>正在加入书架：%1 / %2</source>
        <translation>Adding to the shelf: %1 / %2</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
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
    <name>FilterBar</name>
    <message>
        <source>筛选书架</source>
        <translation>Filter the shelf</translation>
    </message>
    <message>
        <source>筛选：标题、地方、发言人、文件名</source>
        <translation>Filter: title, place, speaker, file name</translation>
    </message>
    <message>
        <source>地方</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>所有级别</source>
        <translation>All levels</translation>
    </message>
    <message>
        <source>起始年份</source>
        <translation>From year</translation>
    </message>
    <message>
        <source>截止年份</source>
        <translation>To year</translation>
    </message>
    <message>
        <source>所有地方</source>
        <translation>All places</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
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
        <source>这份报告没有名词解释。</source>
        <translation>This report has no glossary.</translation>
    </message>
    <message>
        <source>报告附有“名词解释”（或名词注释、注释）时，其中的名词列在这里，并在正文中标出。</source>
        <translation>When a report has a glossary appendix, its terms are listed here and marked in the text.</translation>
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
    <name>PromisesTab</name>
    <message>
        <source>正在查找去年的报告…</source>
        <translation>Looking for last year&apos;s report…</translation>
    </message>
    <message>
        <source>去年承诺概况</source>
        <translation>Last year&apos;s promises: summary</translation>
    </message>
    <message>
        <source>目标范围</source>
        <translation>Which targets</translation>
    </message>
    <message>
        <source>主要预期目标</source>
        <translation>Main targets</translation>
    </message>
    <message>
        <source>全部目标</source>
        <translation>All targets</translation>
    </message>
    <message>
        <source>判断</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>全部判断</source>
        <translation>All verdicts</translation>
    </message>
    <message>
        <source>导出为 CSV 表格（UTF-8），Excel 和 WPS 可以打开</source>
        <translation>Export as a CSV table (UTF-8) that Excel and WPS open</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>导出去年承诺对照</source>
        <translation>Export last year&apos;s promises</translation>
    </message>
    <message>
        <source>CSV 表格（Excel、WPS）…</source>
        <translation>CSV table (Excel, WPS)…</translation>
    </message>
    <message>
        <source>Word 文档（A4，公文格式）…</source>
        <translation>Word document (A4, official layout)…</translation>
    </message>
    <message>
        <source>导出为 A4 的 Word 材料（公文格式），可打印</source>
        <translation>Export as an A4 Word handout (official document layout) to print</translation>
    </message>
    <message>
        <source>去年目标和今年结果的原文</source>
        <translation>Last year&apos;s target and this year&apos;s result as printed</translation>
    </message>
    <message>
        <source>选中一行，这里显示去年目标和今年结果的原句</source>
        <translation>Select a row to see the sentences of last year&apos;s target and this year&apos;s result</translation>
    </message>
    <message>
        <source>对照《%1》的目标：主要预期目标 %2 项（完成 %3，未完成 %4，无法判断 %5，未报告 %6），其他目标 %7 项</source>
        <translation>Against the targets of “%1”: %2 main targets (%3 met, %4 missed, %5 unclear, %6 not reported), %7 other targets</translation>
    </message>
    <message>
        <source>在去年的报告中查看</source>
        <translation>show in last year&apos;s report</translation>
    </message>
    <message>
        <source>去年目标</source>
        <translation>Last year&apos;s target</translation>
    </message>
    <message>
        <source>在正文中显示</source>
        <translation>show in the text</translation>
    </message>
    <message>
        <source>今年结果</source>
        <translation>This year&apos;s result</translation>
    </message>
    <message>
        <source>今年结果：</source>
        <translation>This year&apos;s result: </translation>
    </message>
    <message>
        <source>今年报告的回顾中没有这一指标的结果。</source>
        <translation>This year&apos;s report gives no result for this indicator in its review.</translation>
    </message>
    <message>
        <source>%1。%2；把握 %3。</source>
        <translation>%1. %2; confidence %3.</translation>
    </message>
    <message>
        <source>判断：</source>
        <translation>Verdict: </translation>
    </message>
    <message>
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>%1-去年承诺对照</source>
        <translation>%1 - last year&apos;s promises</translation>
    </message>
    <message>
        <source>报告</source>
        <translation>report</translation>
    </message>
    <message>
        <source>无法导出去年承诺对照</source>
        <translation>Cannot export last year&apos;s promises</translation>
    </message>
</context>
<context>
    <name>PromisesTable</name>
    <message>
        <source>去年承诺对照表</source>
        <translation>Last year&apos;s promises against this year&apos;s results</translation>
    </message>
    <message>
        <source>按回车在正文中显示今年的结果</source>
        <translation>Press Enter to show this year&apos;s result in the text</translation>
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
    <name>RefusedDialog</name>
    <message>
        <source>未能加入书架的文件</source>
        <translation>Files not added to the shelf</translation>
    </message>
    <message>
        <source>以下 %1 个文件未能加入书架，其余文件不受影响：</source>
        <translation>These %1 files could not be added to the shelf (the others were not affected):</translation>
    </message>
    <message>
        <source>未能加入的文件及原因</source>
        <translation>Files not added, and why</translation>
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
    <name>ShelfOpening</name>
    <message>
        <source>此报告文件已更改，与书架上的不同；请重新加入书架</source>
        <translation>This report&apos;s file has changed since it was put on the shelf; add it to the shelf again</translation>
    </message>
</context>
<context>
    <name>ShelfSearchTab</name>
    <message>
        <source>在书架上所有报告中搜索</source>
        <translation>Search every report on the shelf</translation>
    </message>
    <message>
        <source>空格分隔的词都须出现；OR 表示任一；&quot;引号&quot; 精确匹配；-词 排除</source>
        <translation>Words separated by spaces must all occur; OR means either; &quot;quotes&quot; match exactly; -word excludes</translation>
    </message>
    <message>
        <source>搜索状态</source>
        <translation>Search status</translation>
    </message>
    <message>
        <source>书架搜索结果</source>
        <translation>Shelf search results</translation>
    </message>
    <message>
        <source>按回车在阅读窗口中打开该报告并显示所选结果</source>
        <translation>Press Enter to open the report in the reader at the selected result</translation>
    </message>
    <message>
        <source>搜索失败：%1</source>
        <translation>Search failed: %1</translation>
    </message>
    <message>
        <source>正在打开书架…</source>
        <translation>Opening the shelf…</translation>
    </message>
    <message>
        <source>输入要查找的文字：空格分隔多个词，OR 表示任一，&quot;引号&quot; 精确匹配，-词 排除</source>
        <translation>Type what to find: several words separated by spaces, OR for either, &quot;quotes&quot; for an exact phrase, -word to exclude</translation>
    </message>
    <message>
        <source>正在搜索…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>没有找到</source>
        <translation>Nothing found</translation>
    </message>
    <message>
        <source>%1 份报告中共 %2 处</source>
        <translation>%2 matches in %1 reports</translation>
    </message>
</context>
<context>
    <name>ShelfTabs</name>
    <message>
        <source>打开“去年承诺”或“历年趋势”时查找书架上的报告…</source>
        <translation>The shelf is looked at when “Last year&apos;s promises” or “Trend” is opened…</translation>
    </message>
    <message>
        <source>书架未启用：这次运行没有书架。</source>
        <translation>No shelf: this run has none.</translation>
    </message>
    <message>
        <source>正在查找书架上的报告…</source>
        <translation>Looking for reports on the shelf…</translation>
    </message>
    <message>
        <source>无法读取书架：%1</source>
        <translation>Cannot read the shelf: %1</translation>
    </message>
    <message>
        <source>读不出这份报告是哪个地方哪一年的，无法在书架上查找去年的报告。</source>
        <translation>This report&apos;s place or year cannot be read, so last year&apos;s report cannot be looked up on the shelf.</translation>
    </message>
    <message>
        <source>书架上没有%1%2年的报告。把去年的报告加入书架（文件 › 书架…），这里就会列出去年的目标和今年的结果。</source>
        <translation>The shelf holds no %2 report of %1. Add last year&apos;s report to the shelf (File › Shelf…) and last year&apos;s targets will be listed here with this year&apos;s results.</translation>
    </message>
    <message>
        <source>书架上去年的报告无法读取：%1</source>
        <translation>Last year&apos;s report on the shelf cannot be read: %1</translation>
    </message>
    <message>
        <source>读不出这份报告是哪个地方的，无法列出历年趋势。</source>
        <translation>This report&apos;s place cannot be read, so no trend can be shown.</translation>
    </message>
    <message>
        <source>去年承诺</source>
        <translation>Last year&apos;s promises</translation>
    </message>
    <message>
        <source>历年趋势</source>
        <translation>Trend</translation>
    </message>
</context>
<context>
    <name>ShelfWindow</name>
    <message>
        <source>书架 — 海珠报告阅读器</source>
        <translation>Shelf — Haizhu Reader</translation>
    </message>
    <message>
        <source>书架</source>
        <translation>Shelf</translation>
    </message>
    <message>
        <source>书架的页面：报告、搜索全部报告</source>
        <translation>Shelf pages: reports, search all reports</translation>
    </message>
    <message>
        <source>书架上的报告</source>
        <translation>Reports on the shelf</translation>
    </message>
    <message>
        <source>按回车在阅读窗口中打开所选报告</source>
        <translation>Press Enter to open the selected report in the reader</translation>
    </message>
    <message>
        <source>添加文件(&amp;F)…</source>
        <translation>Add &amp;Files…</translation>
    </message>
    <message>
        <source>添加文件夹(&amp;D)…</source>
        <translation>Add a Fol&amp;der…</translation>
    </message>
    <message>
        <source>在阅读窗口中打开(&amp;O)</source>
        <translation>&amp;Open in the Reader</translation>
    </message>
    <message>
        <source>从书架移除(&amp;R)</source>
        <translation>&amp;Remove from the Shelf</translation>
    </message>
    <message>
        <source>报告(&amp;1)</source>
        <translation>Reports (&amp;1)</translation>
    </message>
    <message>
        <source>搜索全部报告(&amp;2)</source>
        <translation>Search All Reports (&amp;2)</translation>
    </message>
    <message>
        <source>书架状态</source>
        <translation>Shelf status</translation>
    </message>
    <message>
        <source>正在打开书架…</source>
        <translation>Opening the shelf…</translation>
    </message>
    <message>
        <source>书架不可用：%1</source>
        <translation>The shelf is unavailable: %1</translation>
    </message>
    <message>
        <source>书架不可用</source>
        <translation>The shelf is unavailable</translation>
    </message>
    <message>
        <source>无法列出书架：%1</source>
        <translation>Cannot list the shelf: %1</translation>
    </message>
    <message>
        <source>加入书架时出错：%1</source>
        <translation>Adding to the shelf failed: %1</translation>
    </message>
    <message>
        <source>找不到文件</source>
        <translation>File not found</translation>
    </message>
    <message>
        <source>找不到文件：
%1

它可能已被移动、改名或删除。从新的位置再加入书架一次即可。</source>
        <translation>Cannot find the file:
%1

It may have been moved, renamed or deleted. Add it to the shelf again from where it is now.</translation>
    </message>
    <message>
        <source>已从书架移除 %1 份报告（文件未删除）</source>
        <translation>Removed %1 reports from the shelf (the files were not deleted)</translation>
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
    <message>
        <source>已导出 %1 项去年承诺对照到 %2</source>
        <translation>Exported %1 of last year&apos;s promises to %2</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>指标历年目标与结果折线图</source>
        <translation>Line chart of an indicator&apos;s targets and results over the years</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
</context>
<context>
    <name>TrendTable</name>
    <message>
        <source>指标历年目标与结果表</source>
        <translation>Table of an indicator&apos;s targets and results over the years</translation>
    </message>
    <message>
        <source>按回车在报告中显示该年的结果</source>
        <translation>Press Enter to show the year&apos;s result in its report</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>Year</translation>
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
        <source>判断</source>
        <translation>Verdict</translation>
    </message>
</context>
<context>
    <name>TrendView</name>
    <message>
        <source>历年趋势概况</source>
        <translation>Trend: summary</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>指标(&amp;I)：</source>
        <translation>&amp;Indicator:</translation>
    </message>
    <message>
        <source>%1 年的主要预期目标有这一指标</source>
        <translation>A main target in %1 years</translation>
    </message>
    <message>
        <source>书架上有%1的 %2 份报告（%3—%4年）</source>
        <translation>%2 reports of %1 on the shelf (%3–%4)</translation>
    </message>
    <message>
        <source>%1历年目标与结果折线图，%2</source>
        <translation>Line chart of %1&apos;s targets and results over the years, %2</translation>
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
        <source>光标浏览(&amp;B)</source>
        <translation>Caret &amp;Browsing</translation>
    </message>
    <message>
        <source>正文中显示光标：用方向键移动，按住 Shift 选择文字，再加亮或写笔记</source>
        <translation>A caret in the text: move it with the arrow keys, hold Shift to select, then highlight or add a note</translation>
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
        <source>书架(&amp;L)…</source>
        <translation>Shel&amp;f…</translation>
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
        <source>搜索书架上的全部报告(&amp;A)…</source>
        <translation>Search &amp;All Reports on the Shelf…</translation>
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
    <name>library</name>
    <message>
        <source>全国</source>
        <translation>National</translation>
    </message>
    <message>
        <source>省级</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>地区、州、盟</source>
        <translation>Prefecture</translation>
    </message>
    <message>
        <source>地级市</source>
        <translation>City</translation>
    </message>
    <message>
        <source>市辖区</source>
        <translation>District</translation>
    </message>
    <message>
        <source>县、县级市</source>
        <translation>County</translation>
    </message>
    <message>
        <source>（未识别地方）</source>
        <translation>(place not recognised)</translation>
    </message>
    <message>
        <source>随附报告</source>
        <translation>Bundled report</translation>
    </message>
    <message>
        <source>找不到文件：%1</source>
        <translation>Missing: %1</translation>
    </message>
    <message>
        <source>已加入 %1 份</source>
        <translation>%1 added</translation>
    </message>
    <message>
        <source>已在书架 %1 份</source>
        <translation>%1 already on the shelf</translation>
    </message>
    <message>
        <source>未能加入 %1 份</source>
        <translation>%1 not added</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>（已取消，其余未加入）</source>
        <translation> (cancelled: the rest were not added)</translation>
    </message>
    <message>
        <source>%1 处</source>
        <translation>%1 matches</translation>
    </message>
    <message>
        <source>报告</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>文件已移动、改名或删除；从新的位置再加入一次即可找回</source>
        <translation>The file was moved, renamed or deleted; add it again from where it is now to find it</translation>
    </message>
    <message>
        <source>%1 份</source>
        <translation>%1 reports</translation>
    </message>
    <message>
        <source>添加报告到书架</source>
        <translation>Add Reports to the Shelf</translation>
    </message>
    <message>
        <source>报告文本 (*.txt *.md *.markdown);;所有文件 (*)</source>
        <translation>Report text (*.txt *.md *.markdown);;All files (*)</translation>
    </message>
    <message>
        <source>添加文件夹中的报告到书架</source>
        <translation>Add the Reports in a Folder to the Shelf</translation>
    </message>
    <message>
        <source>从书架移除</source>
        <translation>Remove from the Shelf</translation>
    </message>
    <message>
        <source>从书架移除所选的 %1 份报告？文件本身不会被删除。</source>
        <translation>Remove the %1 selected reports from the shelf? The files themselves are not deleted.</translation>
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
<context>
    <name>promises</name>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>去年目标</source>
        <translation>Last year&apos;s target</translation>
    </message>
    <message>
        <source>今年结果</source>
        <translation>This year&apos;s result</translation>
    </message>
    <message>
        <source>判断</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>把握</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>未完成</source>
        <translation>Missed</translation>
    </message>
    <message>
        <source>无法判断</source>
        <translation>Unclear</translation>
    </message>
    <message>
        <source>未报告</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <source>待报告</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>结果达到目标</source>
        <translation>The result reached the target</translation>
    </message>
    <message>
        <source>结果未超出目标上限</source>
        <translation>The result stayed within the target&apos;s limit</translation>
    </message>
    <message>
        <source>结果低于目标</source>
        <translation>The result fell short of the target</translation>
    </message>
    <message>
        <source>结果超出目标上限</source>
        <translation>The result went past the target&apos;s limit</translation>
    </message>
    <message>
        <source>定性目标，无法用数字判断</source>
        <translation>A qualitative target: numbers cannot judge it</translation>
    </message>
    <message>
        <source>今年报告只有文字表述，没有可比的数字</source>
        <translation>This year&apos;s report says it in words only, with no comparable number</translation>
    </message>
    <message>
        <source>单位或口径不同（如亿元与%，总量与增速），不能直接比较</source>
        <translation>Another unit or basis (such as 100 million yuan and %, an amount and a growth rate): not comparable</translation>
    </message>
    <message>
        <source>结果是一个范围，跨过了目标</source>
        <translation>The result is a range on both sides of the target</translation>
    </message>
    <message>
        <source>今年报告未给出该指标的结果</source>
        <translation>This year&apos;s report gives no result for this indicator</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>持平按±%1个百分点计</source>
        <translation>“level with last year” taken as ±%1 percentage points</translation>
    </message>
    <message>
        <source>%1按±%2个百分点计</source>
        <translation>%1 taken as ±%2 percentage points</translation>
    </message>
    <message>
        <source>%1按目标的±%2%计</source>
        <translation>%1 taken as ±%2% of the target</translation>
    </message>
    <message>
        <source>配对的把握：名称相同为100%，同一指标的不同叫法为90%，单位不同减半</source>
        <translation>How sure the pairing is: 100% for the same name, 90% for another name of the same statistic, halved for different units</translation>
    </message>
    <message>
        <source>%1（主要预期目标）</source>
        <translation>%1 (main target)</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>CSV 表格 (*.csv)</source>
        <translation>CSV table (*.csv)</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>导出去年承诺对照</source>
        <translation>Export last year&apos;s promises</translation>
    </message>
</context>
<context>
    <name>trend</name>
    <message>
        <source>书架上这个地方的报告里没有这一指标的数字。</source>
        <translation>The reports of this place on the shelf give no numbers for this indicator.</translation>
    </message>
    <message>
        <source>无结果</source>
        <translation>no result</translation>
    </message>
    <message>
        <source>%1年：无目标，结果%2</source>
        <translation>%1: no target, result %2</translation>
    </message>
    <message>
        <source>%1年：目标%2，结果%3，%4</source>
        <translation>%1: target %2, result %3, %4</translation>
    </message>
    <message>
        <source>%1（%2）：</source>
        <translation>%1 (%2): </translation>
    </message>
    <message>
        <source>；</source>
        <comment>between two years</comment>
        <translation>; </translation>
    </message>
    <message>
        <source>。</source>
        <translation>.</translation>
    </message>
    <message>
        <source>增减（%1）</source>
        <translation>change (%1)</translation>
    </message>
    <message>
        <source>数值（%1）</source>
        <translation>value (%1)</translation>
    </message>
    <message>
        <source>正在读取书架上的报告…</source>
        <translation>Reading the reports on the shelf…</translation>
    </message>
</context>
</TS>
