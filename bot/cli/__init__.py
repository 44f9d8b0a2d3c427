"""Command-line tools behind ``python -m bot``: terminal chat, accounts, data rights."""
