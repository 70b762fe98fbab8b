"""gunicorn's settings for Readiness, from the environment (docs/deploy.md).

`make serve`, the Containerfile and compose.yaml all run
`gunicorn --config python:readiness.gunicorn_config readiness.wsgi`.
"""

import os

bind = os.getenv("READINESS_BIND", "127.0.0.1:8000")
# Two synchronous workers per core is gunicorn's advice; a small council needs few.
workers = int(os.getenv("READINESS_WEB_WORKERS", "3"))
# Report builds and evidence uploads can take a while inside one request.
timeout = int(os.getenv("READINESS_WEB_TIMEOUT", "120"))
# Recycle a worker now and then, so a leak in a document parser cannot grow for ever.
max_requests = 1000
max_requests_jitter = 100
# Where the reverse proxy connects from; its X-Forwarded-Proto is trusted from there only.
forwarded_allow_ips = os.getenv("READINESS_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
# Fail at start, not at the first request, when the settings are wrong (the secret key).
preload_app = True
