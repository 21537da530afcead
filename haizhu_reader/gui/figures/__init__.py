"""The 数据 pane: key figures as a table, results beside targets, and their chart."""
