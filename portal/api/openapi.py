"""The OpenAPI 3.1 document for the content API, built from the response models."""

from pydantic.json_schema import models_json_schema

from portal.api.schemas import Problem, ServiceList, ServiceResponse

LANGUAGE = {
    "name": "lang",
    "in": "query",
    "required": False,
    "description": "Language of the text: en (the default) or cy.",
    "schema": {"type": "string", "enum": ["en", "cy"], "default": "en"},
}


def _problem(description: str) -> dict:
    return {
        "description": description,
        "content": {
            "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
        },
    }


def openapi_document(server_url: str) -> dict:
    _, schemas = models_json_schema(
        [(model, "serialization") for model in (ServiceList, ServiceResponse, Problem)],
        ref_template="#/components/schemas/{model}",
    )
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Council services content API",
            "version": "1.0.0",
            "description": (
                "Read-only content of the council's services, in English and Welsh, for "
                "other public bodies to reuse. No key needed. Text is published under the "
                "Open Government Licence."
            ),
        },
        "servers": [{"url": server_url}],
        "paths": {
            "/services": {
                "get": {
                    "operationId": "listServices",
                    "summary": "Every service, in title order, a page at a time.",
                    "parameters": [
                        LANGUAGE,
                        {
                            "name": "page",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "integer", "minimum": 1, "default": 1},
                        },
                        {
                            "name": "per_page",
                            "in": "query",
                            "required": False,
                            "schema": {
                                "type": "integer",
                                "minimum": 1,
                                "maximum": 100,
                                "default": 20,
                            },
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": "A page of services.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/ServiceList"}
                                }
                            },
                        },
                        "400": _problem("A parameter is not valid."),
                    },
                }
            },
            "/services/{slug}": {
                "get": {
                    "operationId": "getService",
                    "summary": "One service, with its body and ways to use it.",
                    "parameters": [
                        {
                            "name": "slug",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string", "pattern": "^[a-z0-9-]+$"},
                        },
                        LANGUAGE,
                    ],
                    "responses": {
                        "200": {
                            "description": "The service.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/ServiceResponse"}
                                }
                            },
                        },
                        "400": _problem("A parameter is not valid."),
                        "404": _problem("There is no service with that identifier."),
                    },
                }
            },
        },
        "components": {"schemas": schemas["$defs"]},
    }
