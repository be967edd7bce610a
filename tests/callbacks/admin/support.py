"""Post to Dash's callback endpoint exactly as the browser would, or as an attacker might."""

from __future__ import annotations

import json

from portal.gate import callback_rules
from tests.support.auth import dash_headers


def output_key(fragment: str) -> str:
    """Return the registered output key of the callback whose outputs include ``fragment``."""
    matches = [key for key in callback_rules() if fragment in key]
    assert len(matches) == 1, (fragment, matches)
    return matches[0]


def prop(component_id, name: str, value=None) -> dict:
    return {"id": component_id, "property": name, "value": value}


def prop_id(component_id, name: str) -> str:
    """Return Dash's id for a changed property (pattern ids as sorted, compact JSON)."""
    if isinstance(component_id, dict):
        component_id = json.dumps(component_id, sort_keys=True, separators=(",", ":"))
    return f"{component_id}.{name}"


def outputs_of(key: str) -> list[dict]:
    parts = key.strip(".").split("...") if key.startswith("..") else [key]
    result = []
    for part in parts:
        component_id, _, name = part.rpartition(".")
        result.append({"id": component_id, "property": name})
    return result


def call(client, fragment: str, *, inputs: list, state: list = (), changed: list = ()):
    """POST a callback request; return the response."""
    key = output_key(fragment)
    body = {
        "output": key,
        "outputs": outputs_of(key) if key.startswith("..") else outputs_of(key)[0],
        "inputs": list(inputs),
        "state": list(state),
        "changedPropIds": list(changed),
    }
    return client.post("/_dash-update-component", json=body, headers=dash_headers(client))
