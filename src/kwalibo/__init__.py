"""Kwalibo: the open platform for quality assurance in Dutch soil work."""

__version__ = "0.1.0"
