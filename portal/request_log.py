"""One structured log line per request, with a request id that the response carries too,
so a person's report ("it said error at 10:04") can be matched to the server's record.

The id is taken from the load balancer's X-Request-Id when it is a plausible one, else
made here. Nothing personal is logged: no query strings, no cookies, no client address.
"""

import json
import logging
import re
import sys
import time
import uuid

from flask import Flask, Response, g, request

REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
logger = logging.getLogger("portal.requests")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            **getattr(record, "fields", {}),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def request_id() -> str:
    return g.get("request_id", "")


def _start() -> None:
    offered = request.headers.get("X-Request-Id", "")
    g.request_id = offered if REQUEST_ID.match(offered) else uuid.uuid4().hex
    g.request_started = time.perf_counter()


def _finish(response: Response) -> Response:
    response.headers["X-Request-Id"] = request_id()
    started = g.get("request_started")
    logger.info(
        "request",
        extra={
            "fields": {
                "request_id": request_id(),
                "method": request.method,
                "path": request.path,
                "endpoint": request.endpoint,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1)
                if started
                else None,
            }
        },
    )
    return response


def register_request_log(app: Flask) -> None:
    app.before_request(_start)
    app.after_request(_finish)
    if app.config["LOG_JSON"]:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonFormatter())
        for name in ("portal.requests", app.logger.name):
            target = logging.getLogger(name)
            target.handlers[:] = [handler]
            target.setLevel(logging.INFO)
            target.propagate = False
