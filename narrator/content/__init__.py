"""narrator/content"""
