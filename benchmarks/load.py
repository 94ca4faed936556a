"""Locust users for benchmarks/throughput.py: one user class per measured scenario.

Each user sends one kind of request back to back (no think time), so a run with N users
holds N requests in flight: a closed loop of N concurrent clients.
"""

import os

from locust import FastHttpUser, constant, task

PATH = os.environ.get("BENCH_PATH", "/")
COOKIE = os.environ.get("BENCH_COOKIE", "")


class PageUser(FastHttpUser):
    wait_time = constant(0)

    @task
    def page(self) -> None:
        headers = {"Accept-Encoding": "br, gzip"}
        if COOKIE:
            headers["Cookie"] = COOKIE
        self.client.get(PATH, headers=headers, name=PATH)
