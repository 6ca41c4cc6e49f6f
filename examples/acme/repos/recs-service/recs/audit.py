"""Audit events for changes to experiments and model weights."""

import json
import logging
from datetime import datetime, timezone

_audit_logger = logging.getLogger("audit")


def audit_event(actor: str, action: str, subject: str, **details: object) -> dict:
    """Write one audit record to the "audit" logger and return it.

    The log pipeline routes the "audit" logger to the audit index, so records
    must be self-contained JSON.
    """
    event = {
        "timestamp": datetime.now(timezone.utc).isoformat(),
        "actor": actor,
        "action": action,
        "subject": subject,
    }
    if details:
        event["details"] = details
    _audit_logger.info(json.dumps(event, default=str, sort_keys=True))
    return event
