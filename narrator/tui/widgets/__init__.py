"""narrator/tui/widgets"""
