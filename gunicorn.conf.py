"""Gunicorn settings for running the portal in production, from environment variables.

PORTAL_ENV=production SECRET_KEY=... gunicorn "portal:create_app()"
"""

import multiprocessing
import os

from config import ConfigError, config_from_environment

# A missing secret or database stops gunicorn here, in one sentence, before it listens or
# starts a worker (a worker failing to boot would print a traceback per worker instead).
# (Not named `config`: gunicorn would read that as its own --config setting.)
try:
    portal_config = config_from_environment()
    portal_config.validate()
except ConfigError as problem:
    raise SystemExit(f"Error: {problem}") from None

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# Threads keep connections alive and overlap the little I/O a page does; one process per
# core keeps the CPU-bound rendering busy without thrashing.
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))

# Rate limits kept in a worker's memory are that worker's alone: with two workers, ten
# sign-ins a minute would let twenty through. Several workers must share a store.
if workers > 1 and portal_config.RATELIMIT_STORAGE_URI.startswith("memory://"):
    raise SystemExit(
        f"Error: {workers} workers would each keep their own rate limits in memory, "
        "multiplying every limit. Set RATELIMIT_STORAGE_URI to a store they share (for "
        "example redis://127.0.0.1:6379), or WEB_CONCURRENCY=1."
    )

# Gunicorn believes X-Forwarded-Proto (and SCRIPT_NAME) from loopback by default, whatever
# PORTAL_TRUSTED_PROXIES says. The portal's ProxyFix alone decides which proxies to trust.
forwarded_allow_ips = ""
secure_scheme_headers: dict[str, str] = {}
threads = int(os.environ.get("PORTAL_THREADS", "4"))
keepalive = 5
# Each worker builds the content index once; preloading builds it once for all of them.
preload_app = True
accesslog = os.environ.get("PORTAL_ACCESS_LOG") or None
errorlog = "-"
