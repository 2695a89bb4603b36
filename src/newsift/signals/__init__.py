"""Credibility signals: named numbers, each with the evidence spans behind it."""
