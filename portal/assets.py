"""Static assets: content-hashed file names from the build's manifest, served by WhiteNoise.

A file's name changes whenever its content does, so browsers may keep it for a year
without asking again. WhiteNoise sends the brotli or gzip copy the build made beforehand.
"""

import json
import re
from pathlib import Path

from flask import Flask
from whitenoise import WhiteNoise

from config import ROOT

DIST = ROOT / "static" / "dist"
MANIFEST = ROOT / "static" / "build" / "manifest.json"
URL_PREFIX = "/static/"
ONE_YEAR = 365 * 24 * 60 * 60
# esbuild's [name]-[hash] names: the hash is 8 capital letters and digits.
HASHED_NAME = re.compile(r"-[A-Z0-9]{8}\.\w+$")


class AssetsNotBuilt(RuntimeError):
    """The manifest is missing: the front end has not been built."""


def read_manifest(manifest: Path = MANIFEST) -> dict[str, str]:
    """Source file name -> URL of its built, hashed copy (`portal.mjs` -> `/static/...js`)."""
    try:
        metafile = json.loads(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AssetsNotBuilt(f"{manifest} is missing: run `make setup` to build it.") from None
    return {
        Path(output["entryPoint"]).name: URL_PREFIX + Path(path).name
        for path, output in metafile["outputs"].items()
        if "entryPoint" in output
    }


def is_immutable(path: str, url: str) -> bool:
    return bool(HASHED_NAME.search(url))


def register_assets(app: Flask) -> None:
    urls = read_manifest()
    app.jinja_env.globals["asset_url"] = urls.__getitem__
    # Flask types wsgi_app as a method, though replacing it is how its docs add middleware.
    app.wsgi_app = WhiteNoise(  # type: ignore[method-assign]
        app.wsgi_app,
        root=str(DIST),
        prefix=URL_PREFIX,
        max_age=ONE_YEAR,
        immutable_file_test=is_immutable,
    )
