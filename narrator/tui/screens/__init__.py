"""narrator/tui/screens"""
