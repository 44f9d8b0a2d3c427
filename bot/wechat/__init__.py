"""The WeChat edge both ways: inbound XML to our own events (inbound.py), replies (replies.py),
the API client (client.py) and its wire (wire.py), web authorisation (oauth.py), the menu (menu.py)."""
