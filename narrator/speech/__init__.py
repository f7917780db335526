"""narrator/speech"""
