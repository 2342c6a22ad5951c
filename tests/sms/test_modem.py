"""A GSM modem for an offline venue, without hardware: gammu-smsd runs on Gammu's dummy phone (a folder acting as
a phone). A message put in the dummy phone's inbox reaches gammu-smsd's inbox folder, becomes an entry through
the same SMS rule as the gateway's, and the reply is handed back to gammu-smsd, which sends it through the
dummy phone."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import gammu
import pytest
from sqlalchemy import select

from facilitator.board.models import Entry
from facilitator.extensions import db
from facilitator.sms import modem, replies
from tests.sms.conftest import NUMBER

RECEIVED_EN = "Thank you, your answer was received. Need to talk to someone? Call 116, free."


@pytest.fixture
def smsd(tmp_path):
    """gammu-smsd with the files backend, on the dummy phone in tmp_path/phone; its log to a file of its own."""
    folders = {name: tmp_path / name for name in ("phone", "inbox", "outbox", "sent", "error")}
    for folder in folders.values():
        folder.mkdir()
    config = tmp_path / "smsdrc"
    config.write_text(
        f"""[gammu]
device = {folders["phone"]}
model = dummy
connection = none

[smsd]
service = files
inboxpath = {folders["inbox"]}/
outboxpath = {folders["outbox"]}/
sentsmspath = {folders["sent"]}/
errorsmspath = {folders["error"]}/
logfile = {tmp_path / "smsd.log"}
debuglevel = 0
ReceiveFrequency = 1
StatusFrequency = 0
CommTimeout = 1
LoopSleep = 1
CheckSecurity = 0
CheckBattery = 0
CheckSignal = 0
"""
    )
    process = subprocess.Popen(["gammu-smsd", "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    yield config, folders
    process.terminate()
    process.wait(timeout=10)


def drop_into_dummy_inbox(phone: Path, number: str, text: str) -> None:
    """What a child's message does to a real modem: it arrives in the phone's inbox."""
    machine = gammu.StateMachine()
    machine.SetConfig(0, {"Device": str(phone), "Model": "dummy", "Connection": "none"})
    machine.Init()
    machine.AddSMS(
        {
            "Folder": 1,
            "State": "UnRead",
            "Type": "Deliver",
            "Number": number,
            "Text": text,
            "SMSC": {"Location": 1},
            "Class": -1,
            "Coding": "Default_No_Compression",
        }
    )
    machine.Terminate()


def wait_for_files(folder: Path, timeout: float = 20) -> list[Path]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        files = sorted(folder.iterdir())
        if files:
            return files
        time.sleep(0.1)
    raise AssertionError(f"nothing arrived in {folder}")


def test_a_message_to_the_modem_becomes_an_entry_and_the_reply_goes_out_through_it(app, smsd, sms_event):
    config, folders = smsd
    app.config["GAMMU_SMSD_CONFIG"] = str(config)
    try:
        drop_into_dummy_inbox(folders["phone"], NUMBER, f"{sms_event.join_code} WANT games without strangers")
        wait_for_files(folders["inbox"])
        with app.app_context():
            assert modem.handle_inbox(folders["inbox"], replies.gammu_sender(app.config)) == 1
            [entry] = db.session.scalars(select(Entry))
            assert (entry.text, entry.lane, entry.source, entry.status) == (
                "games without strangers",
                "want",
                "sms",
                "pending",
            )
        assert list(folders["inbox"].iterdir()) == []  # handled, then deleted: the file name held the number
        [sent] = wait_for_files(folders["sent"])  # gammu-smsd transmitted it through the dummy phone
        assert {(part["Number"], part["Text"]) for part in gammu.ReadSMSBackup(str(sent))} == {(NUMBER, RECEIVED_EN)}
        assert list(folders["error"].iterdir()) == []
    finally:
        app.config["GAMMU_SMSD_CONFIG"] = None


def test_a_long_message_in_parts_is_one_entry(app, tmp_path, sms_event):
    """gammu-smsd writes the parts of a long message as files that differ only in their part number."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    stamp = "20261129_101500_00"
    (inbox / f"IN{stamp}_{NUMBER}_00.txt").write_text(f"{sms_event.join_code} the first half and ")
    (inbox / f"IN{stamp}_{NUMBER}_01.txt").write_text("the second half")
    (inbox / "not-a-message.txt").write_text("ignored")

    class Recorder:
        name = "recorder"
        sent: list[tuple[str, str]] = []

        def send(self, numbers: list[str], text: str) -> list[str]:
            self.sent += [(number, text) for number in numbers]
            return []

    with app.app_context():
        assert modem.handle_inbox(inbox, Recorder()) == 1
        [entry] = db.session.scalars(select(Entry))
        assert entry.text == "the first half and the second half"
        assert "sms-" in entry.client_key and NUMBER.lstrip("+") not in entry.client_key
    assert [p.name for p in inbox.iterdir()] == ["not-a-message.txt"]
    deadline = time.monotonic() + 5
    while not Recorder.sent and time.monotonic() < deadline:
        time.sleep(0.02)
    assert Recorder.sent == [(NUMBER, RECEIVED_EN)]
