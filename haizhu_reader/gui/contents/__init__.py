"""The report's structure: the 目录 tree and the Go menu that steps through it."""
