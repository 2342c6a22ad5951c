"""The domain (DESIGN.md §2). Import models from here."""

from facilitator.models.asks import (AnswerRating, Ask, AskAssignment, Commitment, DutyBearerAnswer, Organisation,
                                     Theme)
from facilitator.models.event import Activity, AgendaSession, Event, ReadinessCheck
from facilitator.models.notes import Note
from facilitator.models.people import Participant, StaffInvite, StaffRole, StaffUser
from facilitator.models.response import AuditEntry, Response, SafeguardingFlag, Vote

__all__ = [
    "AnswerRating",
    "Ask",
    "AskAssignment",
    "Commitment",
    "DutyBearerAnswer",
    "Organisation",
    "Theme",
    "Activity",
    "AgendaSession",
    "AuditEntry",
    "Event",
    "Note",
    "Participant",
    "ReadinessCheck",
    "Response",
    "SafeguardingFlag",
    "StaffInvite",
    "StaffRole",
    "StaffUser",
    "Vote",
]
