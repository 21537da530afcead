"""Last year's promises against this year's results: indicators paired across years, verdicts,
the trend of one indicator across a place's reports, and their exports (builds on figures/).
"""
