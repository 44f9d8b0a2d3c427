"""Development stand-ins: a local WeChat API (wechat_stub.py) and a simulated WeChat user."""
