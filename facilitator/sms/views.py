"""What the room is shown to answer by SMS or vote by USSD, and which lane a keyword picks (reads only)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import current_app

from facilitator.agenda.models import WRITTEN_KINDS, Activity
from facilitator.events.models import Event

# Lane keywords a sender may start their answer with, in English and Kiswahili, by the lane's key. Any other lane
# answers to its key in capitals.
LANE_KEYWORDS: dict[str, tuple[str, str]] = {
    "have": ("HAVE", "TUNAYO"),
    "want": ("WANT", "TUNATAKA"),
    "right": ("RIGHT", "SAWA"),
    "improve": ("IMPROVE", "BORESHA"),
}


@dataclass(frozen=True)
class LaneKeyword:
    lane: str
    name: str
    name_sw: str | None
    keyword: str
    keyword_sw: str | None


def lane_keywords(activity: Activity) -> list[LaneKeyword]:
    """The keyword of each lane of a board, as the projector's join card shows them; none for one lane."""
    if activity.kind not in WRITTEN_KINDS or len(activity.lanes) < 2:
        return []
    keywords = []
    for lane in activity.lanes:
        english, kiswahili = LANE_KEYWORDS.get(lane["key"], (lane["key"].upper(), None))
        keywords.append(LaneKeyword(lane["key"], lane.get("name", ""), lane.get("name_sw"), english, kiswahili))
    return keywords


def lane_for_keyword(activity: Activity, word: str) -> str | None:
    word = word.strip(":,.;-!").upper()
    for keyword in lane_keywords(activity):
        if word in (keyword.keyword, keyword.keyword_sw):
            return keyword.lane
    return None


def join_card(event: Event, activity: Activity | None) -> dict[str, Any] | None:
    """How the room joins by SMS or USSD, when either is on: the number to text, the USSD code, the keywords of
    the lanes of the open board. None when neither is on (or not configured for this installation)."""
    number, ussd_code = current_app.config["SMS_NUMBER"], current_app.config["USSD_CODE"]
    sms = bool(event.sms_enabled and number)
    ussd = bool(event.ussd_enabled and ussd_code)
    if not (sms or ussd):
        return None
    return {
        "sms_number": number if sms else None,
        "ussd_code": ussd_code if ussd else None,
        "keywords": [vars(k) for k in lane_keywords(activity)] if sms and activity is not None else [],
    }
