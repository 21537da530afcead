"""海珠报告阅读器 (Haizhu Reader): an offline reader for Chinese government work reports."""

__version__ = "0.1.0"
