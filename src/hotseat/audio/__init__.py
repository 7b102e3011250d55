"""Microphone capture, conversion, levels and saved recordings (no Textual here)."""
