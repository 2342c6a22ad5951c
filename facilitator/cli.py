"""Commands on the ``flask --app facilitator`` / ``facilitator`` CLI: init-db, demo, create-event, create-staff,
purge, export."""

from __future__ import annotations

import click
from flask import Flask, current_app, url_for
from flask_migrate import upgrade
from sqlalchemy import select

from facilitator.errors import ServiceError
from facilitator.events import service as event_service
from facilitator.events import setup
from facilitator.events.models import DEFAULT_TIME_ZONE, Event
from facilitator.extensions import db
from facilitator.staff import service as staff_service
from facilitator.staff.models import STAFF_ROLES, StaffUser

DEMO_FACILITATOR_EMAIL = "facilitator@demo.local"


def upgrade_database() -> None:
    """Bring the database schema to the newest migration (creates it on first run)."""
    upgrade(directory=current_app.extensions["migrate"].directory, revision="heads")


def ensure_demo_event(app: Flask, *, base_url: str) -> None:
    """Create the demo roundtable event and its facilitator once; print how to reach it either way."""
    event = db.session.scalar(select(Event).where(Event.title == event_service.load_template()["title"]))
    password = None
    if event is None:
        event = event_service.create_event_from_template(event_service.load_template())
        user = db.session.scalar(select(StaffUser).where(StaffUser.email == DEMO_FACILITATOR_EMAIL))
        if user is None:
            password = staff_service.new_one_time_password()
            # A rehearsal login that benches and several consoles share, so not a one-time password (those are
            # for real staff: create-staff, or an invitation).
            user = staff_service.create_user(DEMO_FACILITATOR_EMAIL, "Demo facilitator", password)
        for role in ("facilitator", "safeguarding", "rapporteur"):
            staff_service.grant_role(user, event.id, role, owner=role == "facilitator")
        db.session.commit()
    with app.test_request_context(base_url=base_url):
        participant_url = url_for("participant.join_with_code", code=event.join_code, _external=True)
        projector_url = url_for("projector.projector_page", token=event.projector_token, _external=True)
        console_url = url_for("console.console_page", event_id=event.id, _external=True)
    click.echo(f"\n  Demo event: {event.title}")
    click.echo(f"  Join code:      {event.join_code}")
    click.echo(f"  Participants:   {participant_url}")
    click.echo(f"  Projector:      {projector_url}")
    click.echo(f"  Console:        {console_url}")
    if password:
        click.echo(f"  Staff login:    {DEMO_FACILITATOR_EMAIL} / {password}   (shown once: note it now)\n")
    else:
        click.echo(
            f"  Staff login:    {DEMO_FACILITATOR_EMAIL} (password shown when the demo was created;"
            " reset it with: facilitator create-staff --reset)\n"
        )


def add_commands(app: Flask) -> None:
    @app.cli.command("init-db")
    def init_db() -> None:
        """Create or upgrade the database schema."""
        upgrade_database()
        click.echo("Database is up to date.")

    @app.cli.command("demo")
    @click.option("--base-url", default="http://127.0.0.1:5000", show_default=True)
    def demo(base_url: str) -> None:
        """Create the demo roundtable event (two-day agenda) and a facilitator login."""
        upgrade_database()
        ensure_demo_event(app, base_url=base_url)

    @app.cli.command("purge")
    @click.argument("event_id", type=int, required=False)
    @click.option(
        "--due", is_flag=True, help="Purge every event whose retention period after the final export has passed."
    )
    @click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
    def purge(event_id: int | None, due: bool, yes: bool) -> None:
        """Purge an event's raw entries now (keeps the approved, redacted record), or every event that is due."""
        from facilitator.safeguarding import service as safeguarding_service

        if due:
            purged = safeguarding_service.purge_due_events()
            click.echo(f"Purged {len(purged)} event(s): {purged}")
            return
        if not event_id:
            raise click.UsageError("Give an EVENT_ID or --due.")
        event = event_service.get_event(event_id)
        if not yes:
            click.confirm(f"Purge the raw entries of '{event.title}'? This cannot be undone.", abort=True)
        try:
            counts = safeguarding_service.purge_event(event, None, reason="CLI")
        except ServiceError as error:
            raise click.ClickException(error.message) from None
        click.echo(f"Purged '{event.title}': {counts}")

    @app.cli.command("create-staff")
    @click.argument("email")
    @click.option("--name", default="", help="Name shown to other staff.")
    @click.option("--event", "event_id", type=int, help="Give a role in this event.")
    @click.option("--role", type=click.Choice(STAFF_ROLES), default="facilitator", show_default=True)
    @click.option("--organisation", default=None, help="For duty bearers: the organisation they answer for.")
    @click.option("--reset", is_flag=True, help="Give an existing user a new one-time password.")
    def create_staff(
        email: str, name: str, event_id: int | None, role: str, organisation: str | None, reset: bool
    ) -> None:
        """Create a staff user (or reset one's password) and print a one-time password."""
        password = staff_service.new_one_time_password()
        try:
            # The event first: a wrong id changes nothing, and says so.
            if event_id:
                event_service.get_event(event_id)
            user = db.session.scalar(select(StaffUser).where(StaffUser.email == staff_service.normalise_email(email)))
            if user is None:
                user = staff_service.create_user(email, name or email)
                staff_service.set_one_time_password(user, password)
            elif reset:
                staff_service.set_one_time_password(user, password)
            else:
                raise click.ClickException(f"{email} already exists; use --reset for a new password.")
            if event_id:
                staff_service.grant_role(user, event_id, role, owner=False, organisation=organisation)
            db.session.commit()
        except ServiceError as error:
            db.session.rollback()
            raise click.ClickException(error.message) from None
        click.echo(f"{user.email} / {password}   (one-time: they choose their own at sign-in)")

    @app.cli.command("create-event")
    @click.argument("title")
    @click.option("--organisers", help='Who runs it, as the report\'s cover names them ("Watoto Online Trust; NCCS").')
    @click.option("--venue")
    @click.option("--starts-on", help="First day, YYYY-MM-DD.")
    @click.option("--ends-on", help="Last day, YYYY-MM-DD.")
    @click.option("--time-zone", default=DEFAULT_TIME_ZONE, show_default=True, help="The venue's IANA time zone.")
    @click.option("--languages", default="en,sw", show_default=True, help="en, sw or en,sw.")
    @click.option(
        "--template",
        type=click.Choice(setup.TEMPLATES),
        default="roundtable",
        show_default=True,
        help="Start from the roundtable's two-day agenda, or blank.",
    )
    @click.option("--owner", "owner_email", help="E-mail of an existing staff user: the event's owning facilitator.")
    def create_event(
        title: str,
        organisers: str | None,
        venue: str | None,
        starts_on: str | None,
        ends_on: str | None,
        time_zone: str,
        languages: str,
        template: str,
        owner_email: str | None,
    ) -> None:
        """Create an event (from the roundtable template or blank) and print its join code and id."""
        upgrade_database()
        form = {
            "title": title,
            "organisers": organisers,
            "venue": venue,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "time_zone": time_zone,
            "languages": languages,
        }
        try:
            owner = None
            if owner_email:
                owner = db.session.scalar(
                    select(StaffUser).where(StaffUser.email == staff_service.normalise_email(owner_email))
                )
                if owner is None:
                    raise click.ClickException(
                        f"No staff user {owner_email}: create one first with facilitator create-staff."
                    )
            event = setup.create_event(form, template=template, organiser=owner)
        except ServiceError as error:
            db.session.rollback()
            raise click.ClickException(error.message) from None
        click.echo(f"Created event {event.id}: {event.title}")
        click.echo(f"  Join code: {event.join_code}")
        click.echo(f"  Sessions:  {len(event.sessions)} ({template}); times in {event.time_zone}")
        if owner is None:
            click.echo(f"  Nobody can run it yet: facilitator create-staff EMAIL --event {event.id} --role facilitator")

    @app.cli.command("export")
    @click.argument("event_id", type=int)
    @click.option(
        "--format",
        "export_format",
        type=click.Choice(("docx", "md", "html", "csv", "xlsx")),
        default="docx",
        show_default=True,
    )
    @click.option("--session", "session_id", type=int, help="Export one session of the agenda, not the whole event.")
    @click.option(
        "--kind",
        help="CSV only: one kind of data (entries, votes, ratings, asks, answers, commitments, "
        "notes) instead of a zip of all.",
    )
    @click.option(
        "--full",
        is_flag=True,
        help="The full staff export: also entries moderators did not approve (held entries never).",
    )
    @click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=True, writable=True),
        help="File or directory to write (default: the export's own name, here).",
    )
    def export(
        event_id: int, export_format: str, session_id: int | None, kind: str | None, full: bool, output: str | None
    ) -> None:
        """Export an event (or one session) as a report or as data. A whole-event export starts the purge clock."""
        import os

        from facilitator.errors import ServiceError
        from facilitator.reports import exports

        try:
            event = event_service.get_event(event_id)
            result = exports.export(
                event, format=export_format, actor=None, session_id=session_id, full=full, kind=kind
            )
        except ServiceError as error:
            raise click.ClickException(error.message) from None
        path = output or result.filename
        if os.path.isdir(path):
            path = os.path.join(path, result.filename)
        with open(path, "wb") as handle:
            handle.write(result.body)
        click.echo(f"Wrote {path} ({len(result.body):,} bytes)")
