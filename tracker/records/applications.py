"""依申请公开: a disclosure application and its statutory dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from tracker.records.base import Record

APPLICANT_TYPES = ("natural_person", "business", "research", "nonprofit", "legal_service", "other")
"""自然人 / 商业企业 / 科研机构 / 社会公益组织 / 法律服务机构 / 其他."""


@dataclass(kw_only=True)
class Application(Record):
    TABLE: ClassVar[str] = "applications"
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {"applicant_type": APPLICANT_TYPES}

    received: dt.date
    applicant_type: str = "natural_person"
    channel: str = ""
    request: str = ""
    outcome: str = ""
    correction_requested: dt.date | None = None
    correction_received: dt.date | None = None
    extended: bool = False
    third_party_days: int = 0
    answered: dt.date | None = None
    note: str = ""
