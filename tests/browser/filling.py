"""Filling in a page in Chromium as people do: by keyboard alone (Tab, Space, the arrow keys
and typing), or with the fields set directly, as for a page without JavaScript."""

from playwright.sync_api import expect


def tab_to(page, locator, limit: int = 80) -> None:
    """Press Tab until `locator` has focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {locator}")


def fill_directly(page, data: dict) -> None:
    """Fill the page's fields without JavaScript: Playwright sets them directly."""
    for name, value in data.items():
        if (
            isinstance(value, list)
            and name == "answer"
            and page.locator("input[type=checkbox]").count()
        ):
            for item in value:
                page.locator(f"input[name=answer][value='{item}']").check()
        elif isinstance(value, list):
            for part, item in zip(("day", "month", "year"), value, strict=True):
                page.locator(f"#answer-{part}").fill(item)
        elif page.locator(f"input[name='{name}'][type=radio]").count():
            page.locator(f"input[name='{name}'][value='{value}']").check()
        elif page.locator(f"textarea[name='{name}']").count():
            page.locator(f"textarea[name='{name}']").fill(value)
        else:
            page.locator(f"input[name='{name}']").fill(value)


def fill_by_keyboard(page, data: dict) -> None:
    """Fill the page's fields with the keyboard alone: Tab, Space, arrows and typing."""
    for name, value in data.items():
        if isinstance(value, list) and page.locator("input[type=checkbox]").count():
            for item in value:
                tab_to(page, page.locator(f"input[name=answer][value='{item}']"))
                page.keyboard.press("Space")
        elif isinstance(value, list):
            for part, item in zip(("day", "month", "year"), value, strict=True):
                tab_to(page, page.locator(f"#answer-{part}"))
                page.keyboard.type(item)
        elif page.locator(f"input[name='{name}'][type=radio]").count():
            tab_to(page, page.locator(f"input[name='{name}']").first)
            target = page.locator(f"input[name='{name}'][value='{value}']")
            for _ in range(8):  # a radio group is one Tab stop: arrows move within it
                if target.is_checked():
                    break
                page.keyboard.press("ArrowDown")
            expect(target).to_be_checked()
        elif value:
            field = page.locator(f"textarea[name='{name}'], input[name='{name}']")
            tab_to(page, field)
            page.keyboard.type(value)
