"""Full-text search: the search key and its analysis, the query language, the Whoosh index store
and searching a report (never imports annotations/).
"""
