"""Serving over HTTP: gunicorn's configuration, its threaded worker that notes arrival times, and
``python -m bot serve``."""
