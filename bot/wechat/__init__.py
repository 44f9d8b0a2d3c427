"""The outbound WeChat side: the API client the bot calls (client.py), the official-account
menu (menu.py), and a local stand-in of WeChat's HTTP API for tests and demos (stub.py)."""
