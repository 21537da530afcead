"""Finding text: the full-text search pane, its index in the background, and find in page."""
