"""The reading view: the report typeset, and the layers and marks drawn over it."""
