"""Work done outside a request: the job runners (jobs.py), the schedule, the notification outbox,
and the worker process."""
