"""Watching the running system: JSON logs with personal data masked, Prometheus metrics."""
