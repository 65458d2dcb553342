"""The OpenAPI schema and the docs page: public, served from this site only, every operation
documenting its errors."""

import pytest
import yaml
from django.test import Client
from django.urls import reverse

from tests.api.conftest import token_client
from tests.plans.test_plan_preview_api import body

pytestmark = pytest.mark.django_db


def test_the_schema_lists_every_operation_with_its_errors(client):
    response = client.get(reverse("api:schema"))
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    assert schema["components"]["securitySchemes"]["token"]["scheme"] == "bearer"
    operations = [op for ops in schema["paths"].values() for op in ops.values()]
    assert len(operations) >= 30
    for operation in operations:
        codes = set(operation["responses"])
        assert {"401", "403", "429"} <= codes, operation["operationId"]
        assert codes & {"200", "201", "202", "204"}, operation["operationId"]
    assert "/api/v1/plan-preview/" in schema["paths"] and "/api/v1/assignments/" in schema["paths"]


def test_the_docs_page_loads_its_assets_from_this_site_without_inline_code(client):
    page = client.get(reverse("api:docs"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "<style" not in html and "cdn" not in html.lower()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    script = client.get(reverse("api:docs") + "?script=")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()
    assert "script-src 'self'" in page["Content-Security-Policy"]
    assert "unsafe-inline" not in page["Content-Security-Policy"]


def test_an_unknown_api_url_is_a_json_404_and_a_page_one_stays_html(client):
    response = client.get("/api/v1/no-such-thing/")
    assert response.status_code == 404 and response.json()["errors"]
    assert "text/html" in Client().get("/no-such-page/")["Content-Type"]


def test_plan_preview_takes_a_token_too(runner):
    response = token_client(runner).post(
        reverse("plans:plan_preview"), body(), content_type="application/json"
    )
    assert response.status_code == 200 and len(response.json()["days"]) == 7
