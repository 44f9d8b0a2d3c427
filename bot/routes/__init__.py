"""HTTP blueprints, one per audience (WeChat callback, upload page, API, console, session, health,
metrics), and what only they use (paging, charts)."""
