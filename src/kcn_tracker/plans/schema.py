"""The JSON Schema of plan files, generated from the pydantic model."""

from __future__ import annotations

import json

from kcn_tracker.plans.model import Plan


def plan_schema() -> dict:
    schema = Plan.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "kcn-tracker plan file",
        "description": "One province's investment-promotion targets, the actual figures "
        "reported against them, and the revocations it tracks. See docs/plan-format.md.",
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }


def schema_text() -> str:
    return json.dumps(plan_schema(), ensure_ascii=False, indent=2) + "\n"
