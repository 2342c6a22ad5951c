"""In-process cost of one phone submission: SQL statements and CPU time per ``participant:submit``,
split into the service call (store) and the broadcast (tell), without sockets or a network.

    .venv/bin/python -m bench._queries [--entries 300] [--database-url postgresql://...]
    .venv/bin/python -m bench._queries --batch 6     # the entry writer's path: batches of 6 (200/s, every 30 ms)

Runs the app in threading mode on a temp SQLite file (or a fresh PostgreSQL database it drops).
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import io
import pstats
import re
import sys
import tempfile
import time
import uuid
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=300)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument(
        "--batch",
        type=int,
        default=0,
        help="store batches of this many entries as the entry writer does (store_entries, the views told, the "
        "acks built), from as many phones, instead of one participant:submit at a time through the test client",
    )
    parser.add_argument("--profile", action="store_true", help="cProfile the submissions, top 25 by cumulative time")
    # What-ifs, to size the recommended app changes (bench/README.md), monkey-patched here only:
    parser.add_argument("--no-expire", action="store_true", help="session expire_on_commit=False (no reloads)")
    parser.add_argument("--no-pre-ping", action="store_true", help="engine without pool_pre_ping")
    parser.add_argument("--no-counts", action="store_true", help="counts() answered without a COUNT query")
    args = parser.parse_args(argv)

    from sqlalchemy import event as sa_event

    from bench import _server
    from facilitator import create_app
    from facilitator.extensions import db, socketio

    temp = tempfile.TemporaryDirectory()
    pg = _server.create_pg_database() if args.db == "postgres" else None
    url = _server.sqlalchemy_url(pg) if pg else f"sqlite:///{temp.name}/q.db"
    # One submission at a time: each is a batch of one, stored without waiting for company.
    overrides = {
        "SQLALCHEMY_DATABASE_URI": url,
        "SECRET_KEY": "q" * 40,
        "RATE_LIMIT_SUBMISSIONS": 100000,
        "ASYNC_MODE": "threading",
        "ENTRY_BATCH_INTERVAL_SECONDS": 0,
    }
    if args.no_pre_ping:
        overrides["SQLALCHEMY_ENGINE_OPTIONS"] = {}
    app = create_app(overrides)
    if args.no_expire:
        db.session.session_factory.configure(expire_on_commit=False)
    if args.no_counts:
        from facilitator.board import views as board_views

        # Every module reads counts through board_views, so one replacement covers them all.
        board_views.counts = lambda activity_id: {"received": 0, "shown": 0}
    try:
        from facilitator.agenda import running as agenda_service
        from facilitator.agenda.models import Activity
        from facilitator.cli import upgrade_database
        from facilitator.events import service as event_service

        with app.app_context():
            upgrade_database()
            ev = event_service.create_event_from_template(event_service.load_template())
            board = next(
                a for a in db.session.query(Activity).filter_by(event_id=ev.id, kind="board", audience="everyone")
            )
            board.moderation = "post"
            from facilitator.staff import service as staff_service

            actor = staff_service.create_user("q@example.org", "q")
            db.session.commit()
            agenda_service.open_activity(ev, actor, board.id)
            code, board_id, lane = ev.join_code, board.id, board.lanes[0]["key"]
            projector_token = ev.projector_token
            engine = db.engine

        statements: collections.Counter = collections.Counter()
        counting = {"on": False}

        @sa_event.listens_for(engine, "before_cursor_execute")
        def count(conn, cursor, statement, parameters, context, executemany):
            if counting["on"]:
                statements[re.sub(r"\s+", " ", statement)[:110]] += 1

        http = app.test_client()
        page = http.get(f"/j/{code}").get_data(as_text=True)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        assert http.post("/join", data={"code": code, "csrf_token": token}).status_code == 302
        phone = socketio.test_client(app, flask_test_client=http, auth={"view": "participant"})
        projector = socketio.test_client(app, auth={"view": "projector", "token": projector_token})
        assert phone.is_connected() and projector.is_connected()

        if args.batch:
            from facilitator.board import entries as board_service
            from facilitator.board import views as board_views
            from facilitator.events import participants

            with app.app_context():
                people = [participants.join(code)[0].id for _ in range(args.batch)]
                db.session.commit()
            event_id = ev.id

        def submit(i):
            if args.batch:
                with app.app_context():
                    batch = [
                        board_service.NewEntry(
                            board_id, lane, f"Safer apps idea number {i}-{k} for everyone", uuid.uuid4().hex, p
                        )
                        for k, p in enumerate(people)
                    ]
                    event, activities, authors = board_service.batch_reads(event_id, batch)
                    assert event is not None
                    outcomes = board_service.store_entries(event, batch, activities, authors)
                    acks = [board_views.own_entry_view(o.response) for o in outcomes]  # type: ignore[union-attr]
                    assert len(acks) == args.batch
                    db.session.remove()
                return
            ack = phone.emit(
                "participant:submit",
                {
                    "activity_id": board_id,
                    "lane": lane,
                    "text": f"Safer apps idea number {i} for everyone",
                    "client_key": uuid.uuid4().hex,
                },
                callback=True,
            )
            assert ack["ok"], ack

        for i in range(20):  # warm up caches (SQLAlchemy's compiled statements, the safety patterns)
            submit(i)
        phone.get_received(), projector.get_received()
        counting["on"] = True
        profiler = cProfile.Profile() if args.profile else None
        started_cpu, started = time.process_time(), time.perf_counter()
        if profiler:
            profiler.enable()
        rounds = args.entries // args.batch if args.batch else args.entries
        for i in range(rounds):
            submit(i)
        if profiler:
            profiler.disable()
        cpu, wall = time.process_time() - started_cpu, time.perf_counter() - started
        counting["on"] = False
        received = len([m for m in projector.get_received() if m["name"] == "board"])
        how = f" in batches of {args.batch}" if args.batch else ""
        if args.batch:
            args.entries = rounds * args.batch  # and one board event per batch
        print(
            f"{args.entries} submissions{how} on {url.split(':')[0]}: {1000 * cpu / args.entries:.2f} ms CPU, "
            f"{1000 * wall / args.entries:.2f} ms wall per entry (in process, test client; {received} board events)"
        )
        total = sum(statements.values())
        print(f"SQL statements per entry: {total / args.entries:.1f}")
        for statement, n in statements.most_common(20):
            print(f"  {n / args.entries:4.1f}  {statement}")
        if profiler:
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
            print(out.getvalue())
        phone.disconnect()
        projector.disconnect()
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
    finally:
        if pg:
            _server.drop_pg_database(pg)
        temp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
