"""narrator/tui"""
