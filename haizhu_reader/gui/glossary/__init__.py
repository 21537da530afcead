"""The 名词解释 pane: the report's own terms, filtered as you type, and where each is used."""
