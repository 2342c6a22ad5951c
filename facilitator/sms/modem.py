"""A GSM modem for a venue without internet: gammu-smsd (files backend) receives the messages into its inbox
folder; this reads each one, hands it to the same SMS rule as the gateway's webhook, and deletes it. Replies go
back through gammu-smsd (``replies.GammuSender``).

gammu-smsd names an inbox file ``IN<date>_<time>_<serial>_<number>_<part>.txt``. The parts of one long message
share everything but the part and are joined in order. A file is deleted once its message is handled, and its
message id leaves the number out, so neither the database nor the log ever holds it. A file that cannot be
read is left where it is for a person to look at.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from flask import Flask

from facilitator.errors import ServiceError
from facilitator.extensions import db, socketio
from facilitator.sms import inbound, replies

log = logging.getLogger(__name__)

INBOX_NAME = re.compile(r"^IN(?P<stamp>\d{8}_\d{6}_\d{2})_(?P<number>\+?\d{3,20})_(?P<part>\d{2,3})\.txt$")


def read_inbox(inbox: Path) -> list[tuple[list[Path], str, str, str]]:
    """The messages waiting in gammu-smsd's inbox, oldest first: (their files, sender, text, message id)."""
    parts: dict[tuple[str, str], list[tuple[int, Path]]] = defaultdict(list)
    for path in inbox.iterdir():
        match = INBOX_NAME.match(path.name)
        if match:
            parts[(match["stamp"], match["number"])].append((int(match["part"]), path))
    messages = []
    for (stamp, number), files in sorted(parts.items()):
        files.sort()
        text = "".join(_read_text(path) for _, path in files)
        messages.append(([path for _, path in files], number, text, f"gammu-{stamp}-{len(files)}"))
    return messages


def _read_text(path: Path) -> str:
    """gammu-smsd writes a message's text as UTF-8, or as UTF-16 with a byte-order mark (InboxFormat = unicode)."""
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    return raw.decode("utf-8", errors="replace")


def handle_inbox(inbox: Path, sender: replies.Sender) -> int:
    """Hand every waiting message to the SMS rule, deleting each once handled. Returns how many were handled."""
    handled = 0
    for files, number, text, message_id in read_inbox(inbox):
        try:
            inbound.receive_sms(inbound.IncomingSms(sender=number, text=text, message_id=message_id, channel=sender))
        except ServiceError as error:
            log.warning("a message from the modem was refused: %s", error.code)
        except Exception:
            db.session.rollback()
            log.exception("a message from the modem could not be handled; it stays in the inbox")
            continue
        for path in files:
            path.unlink(missing_ok=True)
        handled += 1
    return handled


def start_reader(app: Flask) -> None:
    """Read the modem's inbox in the background of the serving process, when GAMMU_INBOX_PATH is set."""
    if app.config["GAMMU_INBOX_PATH"]:
        socketio.start_background_task(_read_forever, app)


def _read_forever(app: Flask) -> Any:
    inbox = Path(app.config["GAMMU_INBOX_PATH"])
    while True:
        with app.app_context():
            try:
                handle_inbox(inbox, replies.gammu_sender(app.config))
            except OSError as error:
                log.warning("the modem's inbox cannot be read: %s", type(error).__name__)
            finally:
                db.session.remove()
        socketio.sleep(app.config["GAMMU_POLL_SECONDS"])
