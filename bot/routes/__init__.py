"""HTTP blueprints, one per audience: WeChat's callback, health, (later) API, console, upload."""
