"""The OpenAPI document describes exactly what the app serves under /api."""
from __future__ import annotations

import re

from bot.routes.api import openapi_document
from tests.support.api import served_operations

def documented_operations() -> set[tuple[str, str]]:
    methods = {"get", "post", "put", "patch", "delete"}
    return {(path, method) for path, item in openapi_document()["paths"].items() for method in item if method in methods}


def test_every_served_api_route_is_documented_and_every_documented_one_is_served(app):
    served, documented = served_operations(app), documented_operations()
    assert served - documented == set(), "served but not in bot/routes/openapi.yaml"
    assert documented - served == set(), "in bot/routes/openapi.yaml but not served"


def test_every_path_parameter_is_declared(app):
    paths = openapi_document()["paths"]
    assert sum("{" in path for path in paths) >= 5  # paths with parameters are there to check
    for path, item in paths.items():
        declared = {p.get("name") or p["$ref"].rsplit("/", 1)[-1] for p in item.get("parameters", [])}
        names = {"ApplicationId": "application_id", "EscalationId": "escalation_id"}
        declared = {names.get(name, name) for name in declared}
        assert set(re.findall(r"{(\w+)}", path)) <= declared, path


def test_the_document_is_openapi_3_1_and_served_to_any_role(client, as_role):
    for role in ("staff", "support", "admin"):
        answer = client.get("/api/openapi.json", headers=as_role(role))
        assert answer.status_code == 200
        assert answer.json == openapi_document() and answer.json["openapi"].startswith("3.1")


def test_every_reference_in_the_document_resolves():
    document = openapi_document()

    def refs(node):
        if isinstance(node, dict):
            for key, value in node.items():
                yield from ([value] if key == "$ref" else refs(value))
        elif isinstance(node, list):
            for value in node:
                yield from refs(value)

    references = list(refs(document))
    assert len(references) >= 5
    for ref in references:
        target = document
        for part in ref.removeprefix("#/").split("/"):
            target = target[part]
        assert target, ref



def test_no_key_of_the_document_is_left_without_a_value():
    """A flow mapping's description with an unquoted ", " or ": " inside it became keys of their own, each null (try21 X65:
    contact-change's note held `"why (told to the applicant)": null`; strict OpenAPI validators refuse such keywords)."""
    def nulls(node, at):
        if isinstance(node, dict):
            for key, value in node.items():
                yield from [f"{at}/{key}"] if value is None else nulls(value, f"{at}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from nulls(value, f"{at}/{i}")

    assert list(nulls(openapi_document(), "")) == []
