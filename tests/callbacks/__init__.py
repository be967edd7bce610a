"""Tests of Dash callbacks, called as the browser calls them."""
