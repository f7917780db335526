"""narrator/reading"""
