"""Gunicorn settings for running the portal in production, from environment variables.

PORTAL_ENV=production SECRET_KEY=... gunicorn "portal:create_app()"
"""

import multiprocessing
import os

from config import ConfigError, config_from_environment

# A missing secret or database stops gunicorn here, in one sentence, before it listens or
# starts a worker (a worker failing to boot would print a traceback per worker instead).
try:
    config_from_environment().validate()
except ConfigError as problem:
    raise SystemExit(f"Error: {problem}") from None

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# Threads keep connections alive and overlap the little I/O a page does; one process per
# core keeps the CPU-bound rendering busy without thrashing.
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
threads = int(os.environ.get("PORTAL_THREADS", "4"))
keepalive = 5
# Each worker builds the content index once; preloading builds it once for all of them.
preload_app = True
accesslog = os.environ.get("PORTAL_ACCESS_LOG") or None
errorlog = "-"
