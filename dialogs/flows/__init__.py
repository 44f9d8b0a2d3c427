"""Conversation flows, each one table of states, transitions and questions."""
