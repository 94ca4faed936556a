"""The needs profiles every page is checked under, shared by the budget, browser and system
tiers."""

from portal.needs.model import Needs

# name: (declared needs, extra browser context options)
PROFILES = {
    "no-needs": (Needs(), {}),
    "largest-text-spacing": (Needs(text_size="largest", more_spacing=True), {}),
    "high-contrast": (Needs(contrast="high"), {}),
    "dark": (Needs(contrast="dark"), {}),
    "lite": (Needs(lite=True), {}),
    # Nothing declared, but the device asks for dark colours or forces its own colours.
    "device-dark": (Needs(), {"color_scheme": "dark"}),
    "forced-colours": (Needs(), {"forced_colors": "active"}),
}
