"""The assistant's transport and composition, one room per purpose (see ARCHITECTURE.md):
routes/ (HTTP blueprints), wechat/ (the WeChat edge both ways), applicant/ (a conversation's turn and
what it leaves behind), desk/ (staff, support and admin work), background/ (jobs, schedule, outbox),
observe/ (logs, metrics), server/ (gunicorn), cli/ and dev/ (the WeChat stand-in, the simulator)."""
