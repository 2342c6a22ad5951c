"""Who may do what, for every HTTP route and every socket event, checked on the server.

Two tables below give an expected outcome for every actor, for every rule and method of ``app.url_map``
and every event of ``facilitator.live.connections.HANDLERS``. ``test_every_route_has_a_row`` and
``test_every_socket_event_has_a_row`` fail when a route or an event exists that the tables do not list
(or a row names one that no longer exists): whoever adds a route or a socket event adds its row here,
deciding on purpose what each actor gets.

Everything is tried against **event A**. The actors:

    anon      anonymous: no cookie at all
    part      a participant of event A (their phone's cookie)
    o_part    a participant of event B
    facil     event A's facilitator (and owner)
    moder     event A's moderator
    safeg     event A's safeguarding lead
    rappo     event A's rapporteur
    duty      a duty bearer in event A (a staff role), who also holds their organisation's answering link
    o_fac     event B's facilitator (and owner)
    proj      the projector: no cookie, holds event A's projector token
    invitee   no cookie, holds a pending invitation link to event A

A ``<token>`` in a URL is filled with the token the actor holds for that route (the projector's for
``/p/<token>``, the invitee's for ``/staff/invite/<token>``, the organisation's for ``/d/<token>``); everyone
else tries a well-formed guess. Every other URL value is event A's: its id, its join code, the id of one of
its roles, invitations, themes, asks, organisations or commitments.

A cell that refuses must also change nothing: after it, every table of the database is compared with
before. So is every GET, whatever it answers.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from facilitator.board import entries as board_service
from facilitator.events import participants as participant_service
from facilitator.events.models import Event
from facilitator.extensions import db, socketio
from facilitator.live.connections import HANDLERS
from facilitator.safeguarding.models import SafeguardingFlag
from facilitator.staff import service as staff_service
from facilitator.staff.models import StaffRole, StaffUser
from facilitator.web import ratelimit
from tests import factories
from tests.conftest import csrf_token

# --- HTTP -------------------------------------------------------------------------------------------
#
#   ok     200: the page
#   own    200, showing only the actor's own events: nothing of event A
#   done   authorised: 201, or a redirect to a page of the app (not sign-in, not the join page)
#   phone  redirected to event A's phone page
#   login  redirected to staff sign-in
#   out    signed out: redirected to staff sign-in, the actor's own session ended (its one write)
#   join   redirected to event A's join page: not a participant of this event
#   404    not found: an outsider learns nothing, not even that event A exists
#   401    sign-in refused (the matrix always tries a wrong password)
#   403    refused: the SMS gateway's webhooks, without this installation's callback secret (nobody holds it)
#   400    authorised, then the rules refused this input (e.g. a vote sent to a board, not a poll)
#
# HEAD and OPTIONS are left out: Flask answers HEAD with the GET view and OPTIONS by itself.

HTTP_TABLE = """
route                                                              anon   part   o_part facil  moder  safeg  rappo  duty   o_fac  proj   invitee
GET  /                                                             ok     ok     ok     ok     ok     ok     ok     ok     ok     ok     ok
GET  /healthz                                                      ok     ok     ok     ok     ok     ok     ok     ok     ok     ok     ok
GET  /static/<path:filename>                                       ok     ok     ok     ok     ok     ok     ok     ok     ok     ok     ok
GET  /j/<code>                                                     ok     phone  ok     ok     ok     ok     ok     ok     ok     ok     ok
POST /join                                                         phone  phone  phone  phone  phone  phone  phone  phone  phone  phone  phone
POST /lang                                                         done   done   done   done   done   done   done   done   done   done   done
GET  /e/<code>                                                     join   ok     join   join   join   join   join   join   join   join   join
POST /e/<code>/submit                                              join   phone  join   join   join   join   join   join   join   join   join
POST /e/<code>/help                                                join   phone  join   join   join   join   join   join   join   join   join
GET  /e/<code>/activity                                            join   ok     join   join   join   join   join   join   join   join   join
POST /e/<code>/vote                                                join   400    join   join   join   join   join   join   join   join   join
POST /e/<code>/upvote                                              join   phone  join   join   join   join   join   join   join   join   join
POST /e/<code>/rate                                                join   phone  join   join   join   join   join   join   join   join   join
GET  /f/<code>                                                     ok     ok     ok     ok     ok     ok     ok     ok     ok     ok     ok
GET  /d/<token>                                                    404    404    404    404    404    404    404    ok     404    404    404
POST /d/<token>/asks/<int:ask_id>                                  404    404    404    404    404    404    404    done   404    404    404
GET  /p/<token>                                                    404    404    404    404    404    404    404    404    404    ok     404
GET  /staff/login                                                  ok     ok     ok     ok     ok     ok     ok     ok     ok     ok     ok
POST /staff/login                                                  401    401    401    401    401    401    401    401    401    401    401
GET  /staff/password                                                login  login  login  login  login  login  login  login  login  login  login
POST /staff/password                                                login  login  login  login  login  login  login  login  login  login  login
POST /staff/logout                                                 login  login  login  out    out    out    out    out    out    login  login
GET  /staff/invite/<token>                                         404    404    404    404    404    404    404    404    404    404    ok
POST /staff/invite/<token>                                         404    404    404    404    404    404    404    404    404    404    done
GET  /console/                                                     login  login  login  ok     ok     ok     ok     ok     own    login  login
GET  /console/<int:event_id>                                       login  login  login  ok     ok     ok     ok     404    404    login  login
POST /console/<int:event_id>/joining                               login  login  login  done   404    404    404    404    404    login  login
GET  /console/<int:event_id>/staff                                 login  login  login  ok     404    404    404    404    404    login  login
POST /console/<int:event_id>/staff/invites                         login  login  login  done   404    404    404    404    404    login  login
POST /console/<int:event_id>/staff/invites/<int:invite_id>/revoke  login  login  login  done   404    404    404    404    404    login  login
POST /console/<int:event_id>/staff/roles/<int:role_id>/revoke      login  login  login  done   404    404    404    404    404    login  login
POST /console/<int:event_id>/staff/projector-link                  login  login  login  done   404    404    404    404    404    login  login
GET  /console/<int:event_id>/safeguarding/                         login  login  login  ok     404    ok     404    404    404    login  login
POST /console/<int:event_id>/safeguarding/readiness                login  login  login  done   404    404    404    404    404    login  login
POST /console/<int:event_id>/safeguarding/words                    login  login  login  done   404    404    404    404    404    login  login
POST /console/<int:event_id>/safeguarding/purge                    login  login  login  done   404    404    404    404    404    login  login
GET  /console/<int:event_id>/asks/                                 login  login  login  ok     ok     404    404    404    404    login  login
POST /console/<int:event_id>/asks/themes                           login  login  login  done   done   404    404    404    404    login  login
POST /console/<int:event_id>/asks/themes/move                      login  login  login  done   done   404    404    404    404    login  login
POST /console/<int:event_id>/asks/themes/<int:theme_id>/rename     login  login  login  done   done   404    404    404    404    login  login
POST /console/<int:event_id>/asks/themes/<int:theme_id>/merge      login  login  login  done   done   404    404    404    404    login  login
POST /console/<int:event_id>/asks/themes/<int:theme_id>/delete     login  login  login  done   done   404    404    404    404    login  login
POST /console/<int:event_id>/asks/                                 login  login  login  done   404    404    404    404    404    login  login
POST /console/<int:event_id>/asks/<int:ask_id>                     login  login  login  done   404    404    404    404    404    login  login
POST /console/<int:event_id>/asks/<int:ask_id>/show                login  login  login  done   404    404    404    404    404    login  login
POST /console/<int:event_id>/asks/order                            login  login  login  done   404    404    404    404    404    login  login
POST /console/<int:event_id>/asks/ranking                          login  login  login  done   404    404    404    404    404    login  login
POST /console/<int:event_id>/asks/organisations                    login  login  login  done   404    404    404    404    404    login  login
POST /console/<int:event_id>/asks/organisations/<int:organisation_id>/renew login login login done 404  404    404    404    404    login  login
GET  /console/<int:event_id>/commitments                           login  login  login  ok     ok     ok     ok     404    404    login  login
GET  /console/<int:event_id>/commitments.csv                       login  login  login  ok     ok     ok     ok     404    404    login  login
POST /console/<int:event_id>/commitments/<int:commitment_id>       login  login  login  done   404    404    404    404    404    login  login
GET  /console/<int:event_id>/notes/                                login  login  login  ok     ok     ok     ok     404    404    login  login
POST /console/<int:event_id>/notes/save                            login  login  login  done   done   done   done   404    404    login  login
POST /console/<int:event_id>/notes/delete                          login  login  login  done   done   done   done   404    404    login  login
GET  /console/<int:event_id>/reports/                              login  login  login  ok     ok     ok     ok     404    404    login  login
POST /console/<int:event_id>/reports/download                      login  login  login  ok     ok     ok     ok     404    404    login  login
GET  /console/new                                                  login  login  login  ok     404    404    404    404    ok     login  login
POST /console/new                                                  login  login  login  done   404    404    404    404    done   login  login
GET  /console/<int:event_id>/setup                                 login  login  login  ok     404    404    404    404    404    login  login
POST /console/<int:event_id>/setup/details                         login  login  login  done   404    404    404    404    404    login  login
POST /console/<int:event_id>/setup/sessions                        login  login  login  done   404    404    404    404    404    login  login
POST /console/<int:event_id>/setup/sessions/<int:session_id>       login  login  login  done   404    404    404    404    404    login  login
POST /console/<int:event_id>/setup/sessions/<int:session_id>/move  login  login  login  done   404    404    404    404    404    login  login
POST /console/<int:event_id>/setup/sessions/<int:session_id>/delete login login login  done   404    404    404    404    404    login  login
POST /console/<int:event_id>/setup/duplicate                       login  login  login  done   404    404    404    404    404    login  login
POST /console/<int:event_id>/sms                                   login  login  login  done   404    404    404    404    404    login  login
POST /sms/<token>/africastalking/incoming                          403    403    403    403    403    403    403    403    403    403    403
POST /sms/<token>/africastalking/ussd                              403    403    403    403    403    403    403    403    403    403    403
"""

# What each POST sends besides its CSRF token (a valid one, so the row tests authorisation, not CSRF).
FORMS: dict[str, Callable[[World], dict]] = {
    "POST /join": lambda w: {"code": w.join_code},
    "POST /lang": lambda w: {"lang": "sw", "next": "/"},
    "POST /e/<code>/submit": lambda w: {
        "activity_id": w.board_id,
        "lane": "have",
        "text": "A card from the matrix",
        "client_key": factories.new_key(),
    },
    "POST /e/<code>/help": lambda w: {"where": "by the door"},
    "POST /e/<code>/vote": lambda w: {"activity_id": w.board_id, "choice": "0"},
    "POST /e/<code>/upvote": lambda w: {"response_id": w.approved_id},
    "POST /e/<code>/rate": lambda w: {"answer_id": w.answer_id, "rating": "satisfied"},
    "POST /d/<token>/asks/<int:ask_id>": lambda w: {"text": "We will train teachers this year."},
    # A fresh address each time: eleven wrong passwords for one address would hit its sign-in limit.
    "POST /staff/login": lambda w: {"email": f"nobody-{uuid.uuid4().hex[:8]}@example.org", "password": "wrong"},
    "POST /staff/invite/<token>": lambda w: {
        "display_name": "Invited",
        "password": "a-long-password",
        "password_again": "a-long-password",
    },
    "POST /console/<int:event_id>/staff/invites": lambda w: {"email": "new@example.org", "role": "moderator"},
    "POST /console/<int:event_id>/safeguarding/readiness": lambda w: {"item": "dpia"},
    "POST /console/<int:event_id>/safeguarding/words": lambda w: {"words": "matrixword"},
    "POST /console/<int:event_id>/safeguarding/purge": lambda w: {"confirm": "PURGE"},
    "POST /console/<int:event_id>/joining": lambda w: {"joining": "closed", "expected": "60"},
    "POST /console/<int:event_id>/asks/themes": lambda w: {
        "board": w.board_id,
        "name": "Kindness",
        "response_id": w.approved_id,
    },
    "POST /console/<int:event_id>/asks/themes/move": lambda w: {
        "board": w.board_id,
        "theme_id": w.theme_id,
        "response_id": w.approved_id,
    },
    "POST /console/<int:event_id>/asks/themes/<int:theme_id>/rename": lambda w: {"name": "Respect"},
    "POST /console/<int:event_id>/asks/": lambda w: {"text": "Teach online safety in every school"},
    "POST /console/<int:event_id>/asks/<int:ask_id>": lambda w: {"text": "Teach online safety in every class"},
    "POST /console/<int:event_id>/asks/organisations": lambda w: {"name": "Safaricom", "sector": "isp_telco"},
    "POST /console/<int:event_id>/commitments/<int:commitment_id>": lambda w: {"status": "in_progress"},
    "POST /console/<int:event_id>/reports/download": lambda w: {"format": "csv"},
    "POST /console/new": lambda w: {
        "title": "Next roundtable",
        "time_zone": "Africa/Nairobi",
        "languages": ["en", "sw"],
        "template": "blank",
    },
    "POST /console/<int:event_id>/setup/details": lambda w: {
        "title": "Renamed by the matrix",
        "time_zone": "Africa/Nairobi",
        "languages": ["en"],
    },
    "POST /console/<int:event_id>/setup/sessions": lambda w: {
        "title": "Extra session",
        "day": "1",
        "starts_at": "16:00",
        "ends_at": "17:00",
    },
    "POST /console/<int:event_id>/setup/sessions/<int:session_id>": lambda w: {
        "title": "Children's voices",
        "day": "1",
        "starts_at": "09:00",
        "ends_at": "10:30",
    },
    "POST /console/<int:event_id>/setup/sessions/<int:session_id>/move": lambda w: {"direction": "down"},
    "POST /console/<int:event_id>/sms": lambda w: {"sms": "on", "ussd": "on"},
    "POST /sms/<token>/africastalking/incoming": lambda w: {
        "from": "+254712345678",
        "to": "40404",
        "text": f"{w.join_code} an answer without the secret",
        "date": "2026-11-29 10:15:00",
        "id": "ATXid_matrix",
        "linkId": "SampleLinkId",
    },
    "POST /sms/<token>/africastalking/ussd": lambda w: {
        "sessionId": "ATUid_matrix",
        "serviceCode": "*384*1234#",
        "phoneNumber": "+254712345678",
        "text": "1*1",
    },
    "POST /console/<int:event_id>/notes/save": lambda w: {
        "session_id": w.session_id,
        "client_key": factories.new_key(),
        "text": "Children asked for reporting in Kiswahili",
    },
    "POST /console/<int:event_id>/notes/delete": lambda w: {
        "session_id": w.session_id,
        "client_key": factories.new_key(),
    },
}

# What a GET sends in its query string, where the page needs one.
QUERIES: dict[str, dict] = {}

# GETs are expected to change nothing. The exceptions, each with its reason, reviewed:
GETS_THAT_WRITE: dict[str, str] = {}

# Which actor holds the real token of a route with ``<token>`` in it.
TOKEN_HOLDERS = {
    "projector.projector_page": "proj",
    "auth.staff.accept_invite": "invitee",
    "duty_bearers.answer_page": "duty",
    "duty_bearers.submit_answer": "duty",
}

# --- Socket events ----------------------------------------------------------------------------------
#
#   ok       the ack says ok (for o_part and o_fac: about their own event B, never A)
#   403      ack error "forbidden": this connection or role may not
#   404      ack error "unknown_…": event A's object does not exist in the caller's event
#   400      authorised, then the rules refused this payload (another error code)
#   refused  the actor cannot open a connection that could send it at all
#
# Each actor opens the connection it would naturally have: a phone's, event A's console (o_fac: event B's,
# since A's refuses it), the projector's with its token; anon, invitee and duty try event A's console.

SOCKET_TABLE = """
event                    anon     part     o_part   facil    moder    safeg    rappo    duty     o_fac    proj     invitee
participant:submit       refused  ok       404      403      403      403      403      refused  403      403      refused
participant:help         refused  ok       ok       403      403      403      403      refused  403      403      refused
participant:sync         refused  ok       ok       403      403      403      403      refused  403      403      refused
participant:vote         refused  400      404      403      403      403      403      refused  403      403      refused
participant:upvote       refused  ok       404      403      403      403      403      refused  403      403      refused
participant:rate         refused  ok       404      403      403      403      403      refused  403      403      refused
projector:sync           refused  403      403      403      403      403      403      refused  403      ok       refused
console:sync             refused  403      403      ok       ok       ok       ok       refused  404      403      refused
console:open_activity    refused  403      403      ok       403      403      403      refused  404      403      refused
console:close_activity   refused  403      403      ok       403      403      403      refused  404      403      refused
console:project          refused  403      403      ok       403      403      403      refused  404      403      refused
console:show_ask         refused  403      403      ok       403      403      403      refused  404      403      refused
console:moderate_answer  refused  403      403      ok       ok       403      403      refused  404      403      refused
console:next_activity    refused  403      403      ok       403      403      403      refused  ok       403      refused
console:activity_controls refused 403      403      ok       403      403      403      refused  404      403      refused
console:timer            refused  403      403      ok       403      403      403      refused  404      403      refused
console:reset_activity   refused  403      403      ok       403      403      403      refused  404      403      refused
console:save_activity    refused  403      403      ok       403      403      403      refused  404      403      refused
console:move_activity    refused  403      403      ok       403      403      403      refused  404      403      refused
console:duplicate_activity refused 403     403      ok       403      403      403      refused  404      403      refused
console:activity_spec    refused  403      403      ok       403      403      403      refused  404      403      refused
console:mark_answered    refused  403      403      ok       ok       403      403      refused  404      403      refused
console:moderate         refused  403      403      ok       ok       403      403      refused  404      403      refused
console:moderate_many    refused  403      403      ok       ok       403      403      refused  404      403      refused
console:ask_from_entry   refused  403      403      ok       403      403      403      refused  404      403      refused
console:edit             refused  403      403      ok       ok       403      403      refused  404      403      refused
console:escalate         refused  403      403      ok       ok       403      403      refused  404      403      refused
console:paper_entry      refused  403      403      ok       ok       403      403      refused  404      403      refused
safeguarding:sync        refused  403      403      ok       403      ok       403      refused  ok       403      refused
safeguarding:follow_up   refused  403      403      ok       403      ok       403      refused  404      403      refused
safeguarding:release     refused  403      403      400      403      400      403      refused  404      403      refused
"""

# What each event sends: always event A's objects.
PAYLOADS: dict[str, Callable[[World], dict]] = {
    "participant:submit": lambda w: {
        "activity_id": w.board_id,
        "lane": "have",
        "text": "A card",
        "client_key": factories.new_key(),
    },
    "participant:help": lambda w: {"where": "by the door"},
    "participant:sync": lambda w: {},
    "participant:vote": lambda w: {"activity_id": w.board_id, "choices": [0]},
    "participant:upvote": lambda w: {"response_id": w.approved_id},
    "participant:rate": lambda w: {"answer_id": w.answer_id, "rating": "not_sure"},
    "projector:sync": lambda w: {},
    "console:sync": lambda w: {"activity_id": w.board_id},
    "console:open_activity": lambda w: {"activity_id": w.wall_id},
    "console:close_activity": lambda w: {"activity_id": w.board_id},
    "console:project": lambda w: {"activity_id": w.wall_id},
    "console:show_ask": lambda w: {"activity_id": w.response_activity_id, "ask_id": w.ask_id},
    "console:moderate_answer": lambda w: {"answer_id": w.answer_id, "action": "hide"},
    "console:next_activity": lambda w: {},
    "console:activity_controls": lambda w: {"activity_id": w.board_id, "changes": {"upvotes": False}},
    "console:timer": lambda w: {"activity_id": w.board_id, "seconds": 60},
    "console:reset_activity": lambda w: {"activity_id": w.wall_id, "confirm": WALL_TITLE},
    "console:save_activity": lambda w: {
        "activity_id": w.wall_id,
        "activity": {"kind": "wordcloud", "title": "One word"},
    },
    "console:move_activity": lambda w: {"activity_id": w.wall_id, "direction": "up"},
    "console:duplicate_activity": lambda w: {"activity_id": w.wall_id},
    "console:activity_spec": lambda w: {"activity_id": w.wall_id},
    "console:mark_answered": lambda w: {"response_id": w.approved_id, "answered": True},
    "console:moderate": lambda w: {"response_id": w.response_id, "action": "approve"},
    "console:moderate_many": lambda w: {"response_ids": [w.response_id], "action": "approve"},
    "console:ask_from_entry": lambda w: {"response_id": w.approved_id},
    "console:edit": lambda w: {"response_id": w.response_id, "text": "Corrected by the matrix"},
    "console:escalate": lambda w: {"response_id": w.response_id, "note": "please look"},
    "console:paper_entry": lambda w: {
        "activity_id": w.board_id,
        "lane": "want",
        "text": "A paper card",
        "client_key": factories.new_key(),
    },
    "safeguarding:sync": lambda w: {},
    "safeguarding:follow_up": lambda w: {"flag_id": w.flag_id, "state": "acknowledged", "note": "seen"},
    # A card that is not held: those allowed are told so (400); the release itself is in test_safeguarding_flow.
    "safeguarding:release": lambda w: {"response_id": w.response_id, "note": "not a concern"},
}


def parse_table(table: str) -> tuple[tuple[str, ...], dict[str, dict[str, str]]]:
    """The actors (header) and, per row key, each actor's expected outcome."""
    lines = [line for line in table.strip().splitlines() if line.strip()]
    actors = tuple(lines[0].split()[1:])
    rows: dict[str, dict[str, str]] = {}
    for line in lines[1:]:
        words = line.split()
        # HTTP rows are "METHOD /rule", socket rows a single event name.
        key_width = 2 if words[0].isupper() else 1
        key, outcomes = " ".join(words[:key_width]), words[key_width:]
        assert len(outcomes) == len(actors), f"{key}: {len(outcomes)} outcomes for {len(actors)} actors"
        assert key not in rows, f"{key} is listed twice"
        rows[key] = dict(zip(actors, outcomes, strict=True))
    return actors, rows


ACTORS, HTTP_ROWS = parse_table(HTTP_TABLE)
SOCKET_ACTORS, SOCKET_ROWS = parse_table(SOCKET_TABLE)
STAFF_ACTORS = {
    "facil": "facilitator",
    "moder": "moderator",
    "safeg": "safeguarding",
    "rappo": "rapporteur",
    "duty": "duty_bearer",
    "o_fac": "facilitator",
}
HTTP_OUTCOMES = {"ok", "own", "done", "phone", "login", "out", "join", "404", "401", "403", "400"}
SOCKET_OUTCOMES = {"ok", "403", "404", "400", "refused"}
REFUSALS = {"login", "join", "404", "401", "403", "refused"}
GUESSED_TOKEN = "Xq" * 20
WALL_TITLE = factories.SMALL_TEMPLATE["sessions"][0]["activities"][1]["title"]


# --- the world every cell runs in -------------------------------------------------------------------


@dataclass
class World:
    event_a: int
    event_b: int
    join_code: str
    projector_token: str
    board_id: int  # event A's open, pre-moderated children's board
    wall_id: int  # event A's second board, in draft
    response_id: int  # a card waiting for moderation in event A
    approved_id: int  # a card on event A's board, which takes upvotes
    flag_id: int  # a safeguarding flag in event A
    invite_id: int
    invite_token: str
    moderator_role_id: int
    session_id: int = 0  # event A's first agenda session
    theme_id: int = 0
    ask_id: int = 0
    organisation_id: int = 0
    answer_token: str = ""
    answer_id: int = 0  # an approved answer, with a commitment
    commitment_id: int = 0
    response_activity_id: int = 0  # where asks are shown with their answers
    staff_ids: dict[str, int] = field(default_factory=dict)
    staff_sessions: dict[str, str] = field(default_factory=dict)  # each staff actor's signed-in session id
    emails: dict[str, str] = field(default_factory=dict)
    participant_tokens: dict[str, str] = field(default_factory=dict)


def build_world() -> World:
    event_a = factories.event_with_open_board()
    event_b = factories.event_with_open_board()
    staff_ids, staff_sessions, emails = {}, {}, {}
    for actor, role in STAFF_ACTORS.items():
        event_id = event_b.id if actor == "o_fac" else event_a.id
        # No password: the matrix is about authorisation, so sessions are made directly (hashing is slow).
        user = staff_service.create_user(f"{actor}-{uuid.uuid4().hex[:8]}@example.org", actor)
        staff_service.grant_role(
            user,
            event_id,
            role,
            owner=role == "facilitator",
            organisation="Ministry of ICT" if role == "duty_bearer" else None,
        )
        staff_ids[actor], emails[actor] = user.id, user.email
        staff_sessions[actor] = staff_service.start_session(user)
    participant_a, token_a = participant_service.join(event_a.join_code)
    _, token_b = participant_service.join(event_b.join_code)
    db.session.commit()
    a = db.session.get(Event, event_a.id)
    board, wall = a.sessions[0].activities[0], a.sessions[0].activities[1]
    card = board_service.submit_entry(
        a,
        activity_id=board.id,
        lane="have",
        text="A card waiting for a moderator",
        client_key=factories.new_key(),
        participant=participant_a,
    )
    board.settings = {**board.settings, "upvotes": True}
    on_board = board_service.submit_entry(
        a,
        activity_id=board.id,
        lane="want",
        text="A card on the board",
        client_key=factories.new_key(),
        paper_by=db.session.get(StaffUser, staff_ids["facil"]),
    )
    flag = SafeguardingFlag(event_id=a.id, reasons=["distress"])
    db.session.add(flag)
    issued = staff_service.invite_staff(
        a.id,
        staff_service.require(staff_ids["facil"], a.id, "run_agenda"),
        email="invitee@example.org",
        role="rapporteur",
        valid_for=timedelta(hours=72),
    )
    db.session.commit()
    world = World(
        event_a=a.id,
        event_b=event_b.id,
        join_code=a.join_code,
        projector_token=a.projector_token,
        board_id=board.id,
        wall_id=wall.id,
        response_id=card.response.id,
        approved_id=on_board.response.id,
        flag_id=flag.id,
        invite_id=issued.invite.id,
        invite_token=issued.token,
        session_id=a.sessions[0].id,
        moderator_role_id=db.session.scalar(select(StaffRole.id).where(StaffRole.user_id == staff_ids["moder"])),
        staff_ids=staff_ids,
        staff_sessions=staff_sessions,
        emails=emails,
        participant_tokens={"part": token_a, "o_part": token_b},
    )
    add_asks_and_answers(world, a, db.session.get(StaffUser, staff_ids["facil"]))
    return world


def add_asks_and_answers(world: World, event: Event, facilitator: StaffUser) -> None:
    """A theme, an ask, an organisation with its answering link, and its approved answer and commitment."""
    from facilitator.agenda import editing
    from facilitator.asks import answers, asks
    from facilitator.asks.models import Commitment
    from facilitator.board import themes

    world.theme_id = themes.create_theme(event, facilitator, world.board_id, "Kindness", [world.approved_id]).id
    world.ask_id = asks.create_ask(event, facilitator, "Every school teaches online safety").id
    organisation = asks.add_organisation(event, facilitator, "Ministry of ICT", "government")
    db.session.commit()
    world.organisation_id, world.answer_token = organisation.id, organisation.answer_token
    answer = answers.submit_answer(
        event,
        organisation,
        world.ask_id,
        "We will train teachers.",
        {"what": "Train 500 teachers", "owner": "Ministry of ICT", "due_on": ""},
    )
    answers.moderate_answer(event, facilitator, answer.id, "approve")
    world.answer_id = answer.id
    world.commitment_id = db.session.scalar(select(Commitment.id).where(Commitment.answer_id == answer.id))
    world.response_activity_id = editing.add_activity(
        event, facilitator, event.sessions[0].id, {"kind": "response", "title": "Duty bearers respond"}
    ).id


@contextmanager
def undone_after(connection):
    """What one actor's request changed is undone before the next actor's, so each finds event A as it was (and
    the database as fingerprinted once, before the first): a savepoint in the test's transaction (conftest.py),
    rolled back, instead of deleting every row and building the world again."""
    savepoint = connection.begin_nested()
    try:
        yield
    finally:
        savepoint.rollback()


def in_app(app, work: Callable):
    with app.app_context():
        return work()


def database_fingerprint() -> dict[str, list[tuple]]:
    """Every row of every table: a refused request must leave all of it as it was."""
    db.session.expire_all()
    return {
        table.name: [tuple(row) for row in db.session.execute(select(table).order_by(*table.primary_key.columns))]
        for table in db.metadata.sorted_tables
    }


@pytest.fixture(autouse=True)
def fresh_join_and_sign_in_limits(app):
    """The matrix signs in wrongly and joins many times from one address; start the next test afresh."""
    yield
    ratelimit.configure_from(app.config)


# --- HTTP cells -------------------------------------------------------------------------------------


def http_client(app, world: World, actor: str):
    client = app.test_client()
    if actor in world.participant_tokens:
        client.set_cookie(app.config["PARTICIPANT_COOKIE_NAME"], world.participant_tokens[actor])
    elif actor in world.staff_ids:
        with client.session_transaction() as session:
            session["staff_session"] = world.staff_sessions[actor]
    return client


def url_for_cell(app, rule, world: World, actor: str) -> str:
    values = {
        "event_id": world.event_a,
        "code": world.join_code,
        "invite_id": world.invite_id,
        "role_id": world.moderator_role_id,
        "filename": "console/console.css",
        "theme_id": world.theme_id,
        "ask_id": world.ask_id,
        "organisation_id": world.organisation_id,
        "commitment_id": world.commitment_id,
        "session_id": world.session_id,
        "token": {"proj": world.projector_token, "invitee": world.invite_token, "duty": world.answer_token}[actor]
        if TOKEN_HOLDERS.get(rule.endpoint) == actor
        else GUESSED_TOKEN,
    }
    missing = set(rule.arguments) - set(values)
    assert not missing, f"{rule.rule}: the matrix does not know how to fill {missing}; add it to url_for_cell"
    adapter = app.url_map.bind("localhost")
    return adapter.build(rule.endpoint, {name: values[name] for name in rule.arguments})


def http_outcome_holds(outcome: str, reply, world: World) -> bool:
    location = urlsplit(reply.headers.get("Location", "")).path
    return {
        "ok": lambda: reply.status_code == 200,
        "own": lambda: reply.status_code == 200 and world.join_code not in reply.get_data(as_text=True),
        "done": lambda: (
            reply.status_code == 201
            or (
                reply.status_code in (302, 303)
                and location.startswith("/")
                and location != "/staff/login"
                and not location.startswith("/j/")
            )
        ),
        "phone": lambda: reply.status_code in (302, 303) and location == f"/e/{world.join_code}",
        "login": lambda: reply.status_code == 302 and location == "/staff/login",
        "out": lambda: reply.status_code == 302 and location == "/staff/login",
        "join": lambda: reply.status_code == 302 and location == f"/j/{world.join_code}",
        "404": lambda: reply.status_code == 404,
        "401": lambda: reply.status_code == 401,
        "403": lambda: reply.status_code == 403,
        "400": lambda: reply.status_code == 400,
    }[outcome]()


def rules_by_key(app) -> dict:
    return {
        f"{method} {rule.rule}": rule
        for rule in app.url_map.iter_rules()
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"})
    }


def test_every_route_has_a_row(app):
    routes = set(rules_by_key(app))
    assert sorted(routes - set(HTTP_ROWS)) == [], "routes missing from HTTP_TABLE: add a row for each"
    assert sorted(set(HTTP_ROWS) - routes) == [], "rows in HTTP_TABLE for routes that no longer exist"


def test_every_socket_event_has_a_row():
    assert sorted(set(HANDLERS) - set(SOCKET_ROWS)) == [], "socket events missing from SOCKET_TABLE"
    assert sorted(set(SOCKET_ROWS) - set(HANDLERS)) == [], "rows in SOCKET_TABLE for events that no longer exist"
    assert set(PAYLOADS) == set(SOCKET_ROWS), "every socket row needs its payload in PAYLOADS"


def test_tables_name_every_actor_and_only_known_outcomes():
    assert ACTORS == SOCKET_ACTORS
    assert set(ACTORS) == {"anon", "part", "o_part", "proj", "invitee"} | set(STAFF_ACTORS)
    assert {o for row in HTTP_ROWS.values() for o in row.values()} <= HTTP_OUTCOMES
    assert {o for row in SOCKET_ROWS.values() for o in row.values()} <= SOCKET_OUTCOMES
    assert set(FORMS) <= {key for key in HTTP_ROWS if key.startswith("POST ")}
    assert set(QUERIES) | set(GETS_THAT_WRITE) <= {key for key in HTTP_ROWS if key.startswith("GET ")}


@pytest.mark.parametrize("key", sorted(HTTP_ROWS))
def test_http_route(app, database_connection, key):
    rule = rules_by_key(app).get(key)
    if rule is None:
        pytest.fail(f"{key} is in HTTP_TABLE but not in the app (see test_every_route_has_a_row)")
    method = key.split()[0]
    failures = []
    # Requests run outside any app context of the test's own: each gets its own, as in production (an
    # enclosing one would be shared by every request, with its database session and CSRF token).
    world = in_app(app, build_world)
    before = in_app(app, database_fingerprint)  # each actor starts from it: see undone_after
    for actor, outcome in HTTP_ROWS[key].items():
        with undone_after(database_connection):
            client = http_client(app, world, actor)
            url = url_for_cell(app, rule, world, actor)
            form = None
            if method == "POST":
                form = {
                    **FORMS.get(key, lambda w: {})(world),
                    "csrf_token": csrf_token(client.get("/staff/login").get_data(as_text=True)),
                }
            reply = client.open(url, method=method, data=form, query_string=QUERIES.get(key))
            reply.close()  # a file is a stream: close it, or it leaks a file handle
            if not http_outcome_holds(outcome, reply, world):
                failures.append(
                    f"{actor}: expected {outcome}, got {reply.status_code} {reply.headers.get('Location', '')}"
                )
            changed = in_app(app, database_fingerprint) != before
            if changed and (outcome in REFUSALS or (method == "GET" and key not in GETS_THAT_WRITE)):
                failures.append(f"{actor}: {outcome}, yet the database changed")
    assert not failures, f"{key}:\n  " + "\n  ".join(failures)


def event_a_fingerprint(world: World) -> dict[str, list[tuple]]:
    """Event A's rows: of tables with an event, A's only; of the others, all (shared, like staff users)."""
    db.session.expire_all()
    rows = {}
    for table in db.metadata.sorted_tables:
        query = select(table).order_by(*table.primary_key.columns)
        if "event_id" in table.columns:
            query = query.where(table.c.event_id == world.event_a)
        elif table.name == "events":
            query = query.where(table.c.id == world.event_a)
        rows[table.name] = [tuple(row) for row in db.session.execute(query)]
    return rows


@pytest.mark.parametrize("key", sorted(k for k in HTTP_ROWS if k.startswith("POST ") and "<int:event_id>" in k))
def test_event_b_pages_cannot_reach_event_a_objects(app, key):
    """Event B's facilitator, on event B's own pages (where they may act), sends the ids of event A's
    roles, invitations, themes, asks, organisations and commitments: nothing of event A may change."""
    rule = rules_by_key(app)[key]
    world = in_app(app, build_world)
    client = http_client(app, world, "o_fac")
    url = url_for_cell(app, rule, world, "o_fac").replace(f"/console/{world.event_a}/", f"/console/{world.event_b}/", 1)
    form = {
        **FORMS.get(key, lambda w: {})(world),
        "csrf_token": csrf_token(client.get("/staff/login").get_data(as_text=True)),
    }
    before = in_app(app, lambda: event_a_fingerprint(world))
    client.post(url, data=form).close()
    assert in_app(app, lambda: event_a_fingerprint(world)) == before, f"{key} through event B changed event A"


# --- socket cells -----------------------------------------------------------------------------------


def socket_client(app, world: World, actor: str):
    """The actor's natural connection, or None when the server refuses it."""
    http = http_client(app, world, actor)
    if actor in world.participant_tokens:
        auth = {"view": "participant"}
    elif actor == "proj":
        auth = {"view": "projector", "token": world.projector_token}
    else:
        auth = {"view": "console", "event_id": world.event_b if actor == "o_fac" else world.event_a}
    client = socketio.test_client(app, flask_test_client=http, auth=auth)
    return client if client.is_connected() else None


def socket_outcome(client, name: str, payload: dict) -> str:
    if client is None:
        return "refused"
    ack = client.emit(name, payload, callback=True)
    if ack.get("ok"):
        return "ok"
    if ack.get("error") == "forbidden":
        return "403"
    if str(ack.get("error", "")).startswith("unknown_"):
        return "404"
    if ack.get("error") == "internal":
        return f"internal error: {ack.get('message')}"
    return "400"


@pytest.mark.parametrize("name", sorted(SOCKET_ROWS))
def test_socket_event(app, database_connection, name):
    if name not in HANDLERS:
        pytest.fail(f"{name} is in SOCKET_TABLE but has no handler (see test_every_socket_event_has_a_row)")
    failures = []
    world = in_app(app, build_world)
    before = in_app(app, database_fingerprint)  # each actor starts from it: see undone_after
    for actor, outcome in SOCKET_ROWS[name].items():
        with undone_after(database_connection):
            client = socket_client(app, world, actor)
            try:
                got = socket_outcome(client, name, PAYLOADS[name](world))
            finally:
                if client is not None and client.is_connected():
                    client.disconnect()
            if got != outcome:
                failures.append(f"{actor}: expected {outcome}, got {got}")
            changed = in_app(app, database_fingerprint) != before
            if changed and outcome in REFUSALS:
                failures.append(f"{actor}: {outcome}, yet the database changed")
    assert not failures, f"{name}:\n  " + "\n  ".join(failures)


def test_facilitator_of_another_event_cannot_open_its_console(app):
    """o_fac's row uses event B's console, because event A's refuses it: this checks that refusal."""
    world = in_app(app, build_world)
    client = http_client(app, world, "o_fac")
    refused = socketio.test_client(app, flask_test_client=client, auth={"view": "console", "event_id": world.event_a})
    assert not refused.is_connected()
