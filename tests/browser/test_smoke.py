"""The home page loads in a real browser with no console errors and no serious a11y issues."""


def test_home_page_renders_offline_and_accessibly(portal):
    portal.visit("/", wait_for="h1")
    portal.wait_for_text("h1", "Paediatric audit portal")
    portal.settle()
    portal.assert_clean(context="on /")
