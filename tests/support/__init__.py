"""Helpers the test folders share (not tests themselves)."""
