"""docs/deployment.md's backup commands, run as written: deployment/backup.sh makes a passphrase, an encrypted
dump of a database with the demo event in it (never a clear copy on disk), and restores it into a new database
with the same rows."""

from __future__ import annotations

import os
import subprocess

import psycopg
import pytest

from tests.servers import ROOT
from tests.servers.production import PG_ADMIN, demo_event, fresh_database, production_env

pytestmark = [pytest.mark.deploy, pytest.mark.server]

TABLES = ("events", "activities", "staff_users", "responses")


def counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}


def test_encrypted_backup_restores_into_a_new_database(tmp_path):
    restored = f"facilitator_restored_{os.getpid()}"
    with fresh_database() as database:
        demo_event(production_env(database, "redis://127.0.0.1:6379/13"), "https://roundtable.example.org")
        env = {
            **os.environ,
            "PGHOST": "127.0.0.1",
            "PGUSER": "postgres",
            "DATABASE": database.rsplit("/", 1)[1],
            "DATABASE_OWNER": "postgres",
            "BACKUPS": str(tmp_path),
            "BACKUP_PASSPHRASE_FILE": str(tmp_path / "passphrase"),
        }
        script = str(ROOT / "deployment/backup.sh")

        def run(*args: str) -> str:
            reply = subprocess.run([script, *args], env=env, capture_output=True, text=True, timeout=120)
            assert reply.returncode == 0, reply.stdout + reply.stderr
            return reply.stdout

        run("passphrase")
        assert (tmp_path / "passphrase").stat().st_mode & 0o777 == 0o600
        backup = run("backup").strip()
        assert backup.startswith(str(tmp_path)) and backup.endswith(".dump.gpg")
        assert os.stat(backup).st_mode & 0o777 == 0o600
        with open(backup, "rb") as dump:
            assert not dump.read(5).startswith(b"PGDMP")  # not pg_dump's own format in clear: encrypted
        try:
            run("restore", backup, restored)
            assert counts(database) == counts(f"{PG_ADMIN.rsplit('/', 1)[0]}/{restored}")
            assert counts(database)["activities"] > 0
        finally:
            with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{restored}" WITH (FORCE)')
