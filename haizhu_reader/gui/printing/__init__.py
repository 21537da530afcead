"""Printing, print preview, PDF export and copying a quote with its citation."""
