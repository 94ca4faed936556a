"""Which pages show what a person told us. portal.caching decides what that means for
headers (`no-store`); views only say which they are."""

from collections.abc import Callable


def personal(view: Callable) -> Callable:
    """Mark a view whose page shows what a person told us (answers, a return code, a
    reference, their needs, a call-back request). People use shared computers in
    libraries: such a page must not stay on the disk once they leave."""
    view.personal = True  # type: ignore[attr-defined]
    return view


def is_personal(view: Callable | None) -> bool:
    return getattr(view, "personal", False)
