"""Fixtures: one app per test session on SQLite (default) or PostgreSQL (``TEST_DATABASE_URL``), a clean
database for every test (each test's writes rolled back, or wiped after a ``committing`` test), and helpers to
act as a phone, a projector and staff."""

from __future__ import annotations

import os
import re
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text, update

from facilitator import create_app
from facilitator.board import entries as board_entries
from facilitator.events.models import Event
from facilitator.extensions import db, socketio
from facilitator.live import connections as live_connections
from facilitator.web import ratelimit
from facilitator.web.ratelimit import participant_limits
from tests import factories

# Modules whose servers use the machine's Redis (pub/sub channels are one namespace whatever the database number, and
# the deploy modules share database 13): under xdist they run one after another on one worker, never side by side.
SHARED_REDIS_MODULES = frozenset(
    {
        "tests/deploy/test_backup.py",
        "tests/deploy/test_nginx_https.py",
        "tests/servers/test_outages.py",
        "tests/servers/test_scaleout.py",
    }
)


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook reads the groups
def pytest_collection_modifyitems(config, items) -> None:
    """Under ``-n N --dist loadgroup`` a module's tests stay on one worker, so its module-scoped servers and browsers
    start once; the modules that share Redis make one group."""
    for item in items:
        module = item.nodeid.split("::", 1)[0]
        item.add_marker(pytest.mark.xdist_group("shared-redis" if module in SHARED_REDIS_MODULES else module))


def _worker_database(url: str) -> str:
    """Each xdist worker gets a PostgreSQL database of its own beside the one named (created when missing)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    base, name = url.rsplit("/", 1)
    name = f"{name}_{worker}"
    admin = create_engine(f"{base}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}).first()
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return f"{base}/{name}"


def _fresh_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        url = _worker_database(url.replace("postgresql://", "postgresql+psycopg://", 1))
        _fresh_postgres(url)
        return url
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"


@pytest.fixture(scope="session")
def app(database_url):
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": database_url,
            "SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
            "RATE_LIMIT_SUBMISSIONS": 1000,
            "RESULTS_BATCH_SECONDS": 0,  # results sent at once, so tests can read them synchronously
            "ENTRY_BATCH_INTERVAL_SECONDS": 0,  # one entry at a time is a batch too; no test waits for company
            # argon2id at its cheapest: production's cost (config.py) is ~0.2 s a hash, paid at every sign-in.
            "PASSWORD_HASH_TIME_COST": 1,
            "PASSWORD_HASH_MEMORY_KIB": 8,
            "PASSWORD_HASH_PARALLELISM": 1,
        }
    )
    from facilitator.cli import upgrade_database

    with app.app_context():
        upgrade_database()
    # A session bound to a connection that is already in a transaction (see rolled_back) works in a SAVEPOINT:
    # its commit releases the savepoint and its rollback rolls back to it, never ending the test's transaction.
    # Bound to the engine (committing tests, the CLI's migrations) it behaves as in production.
    db.session.session_factory.configure(join_transaction_mode="create_savepoint")
    yield app
    with app.app_context():
        db.engine.dispose()


@contextmanager
def rolled_back(app):
    """Everything the app writes, in any app context, goes to one connection inside one transaction, rolled
    back at the end: the app's sessions commit to savepoints within it. Flask-SQLAlchemy 3 picks a session's
    connection from ``db.engines``, so the test's connection stands in for the engine there (its maintainers'
    own recipe, pallets-eco/flask-sqlalchemy#1171). Sessions in other threads (the entry writer's) join the
    same connection; they take turns with the test's thread because a phone's handler waits while the writer
    stores its entry. A test that needs writes other connections see, or the engine itself, is ``committing``.
    """
    with app.app_context():
        engines = db.engines
        engine = engines[None]
    connection = engine.connect()
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        # pysqlite runs its own transactions: it sends no BEGIN until the first INSERT/UPDATE/DELETE, so
        # ``connection.begin()`` starts nothing, the sessions' first SAVEPOINT opens the transaction instead, and
        # RELEASE of that outermost savepoint (a session's commit) COMMITs for real (SQLAlchemy's pysqlite docs,
        # "Serializable isolation / Savepoints / Transactional DDL"). So for this connection only, pysqlite is
        # told to leave transactions alone (isolation_level None) and the test's BEGIN is sent here, explicitly;
        # SAVEPOINT, RELEASE and ROLLBACK TO then nest inside it as on PostgreSQL. Not engine-wide, as the docs'
        # recipe is: committing tests keep pysqlite's usual behaviour, which is production's.
        driver_connection = connection.connection.driver_connection
        driver_connection.isolation_level = None
    transaction = connection.begin()
    if sqlite:
        connection.exec_driver_sql("BEGIN")
    engines[None] = connection
    try:
        yield connection
    finally:
        engines[None] = engine
        transaction.rollback()
        if sqlite:
            driver_connection.isolation_level = ""  # pysqlite's default, for the pool's next user
        connection.close()


def wipe(app) -> None:
    """Delete every row, for tests whose writes were committed for real."""
    with app.app_context():
        db.session.rollback()
        db.session.execute(update(Event).values(current_activity_id=None, projector_activity_id=None))
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(table.delete())
        db.session.commit()


@pytest.fixture(autouse=True)
def clean_database(request, app):
    """Every test starts on an empty database. Its writes are rolled back at the end, or, for a test marked
    ``committing`` (its writes must really commit, e.g. to be seen from another connection), deleted."""
    ratelimit.configure_from(app.config)
    participant_limits.configure(limit=1000, window=10)
    if request.node.get_closest_marker("committing"):
        yield None
        wipe(app)
    else:
        with rolled_back(app) as connection:
            yield connection
    # A test's socket clients end with it: the next test's event (often the same id) starts with no phone, neither
    # among the connections nor in the rooms (live.connections.phones_connected counts a room).
    live_connections.connections.clear()
    board_entries.forget_batch_state()
    manager = socketio.server.manager
    for sid in list(manager.rooms.get("/", {}).get(None, ())):
        manager.basic_disconnect(sid, "/")


@pytest.fixture
def database_connection(clean_database):
    """The connection holding the test's transaction, for a test that nests savepoints of its own."""
    assert clean_database is not None, "a committing test has no transaction of its own"
    return clean_database


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def event(app):
    """A small event with an open two-lane board (pre-moderated, for children)."""
    with app.app_context():
        return factories.event_with_open_board()


@pytest.fixture
def facilitator(app, event):
    with app.app_context():
        return factories.staff_user(event.id, "facilitator")


def csrf_token(page_html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', page_html)
    assert match, "the page has no CSRF token"
    return match.group(1)


class Phone:
    """A participant's phone: an HTTP client with the participant cookie, and a socket when asked."""

    def __init__(self, app, event):
        self.app = app
        self.event = event
        self.http = app.test_client()
        page = self.http.get(f"/j/{event.join_code}").get_data(as_text=True)
        reply = self.http.post("/join", data={"code": event.join_code, "csrf_token": csrf_token(page)})
        assert reply.status_code == 302, reply.get_data(as_text=True)
        self._socket = None

    @property
    def socket(self):
        if self._socket is None:
            self._socket = socketio.test_client(self.app, flask_test_client=self.http, auth={"view": "participant"})
            assert self._socket.is_connected()
        return self._socket

    def submit(self, text: str, lane: str = "have", key: str | None = None, activity_id: int | None = None):
        return self.socket.emit(
            "participant:submit",
            {
                "activity_id": activity_id or self.event.current_activity_id,
                "lane": lane,
                "text": text,
                "client_key": key or factories.new_key(),
            },
            callback=True,
        )


@pytest.fixture
def phone(app, event):
    return Phone(app, event)


@pytest.fixture
def new_phone(app, event):
    return lambda: Phone(app, event)


def staff_socket(app, event_id: int, email: str, password: str):
    http = app.test_client()
    page = http.get("/staff/login").get_data(as_text=True)
    reply = http.post("/staff/login", data={"email": email, "password": password, "csrf_token": csrf_token(page)})
    assert reply.status_code == 302
    return socketio.test_client(app, flask_test_client=http, auth={"view": "console", "event_id": event_id})


@pytest.fixture
def console(app, event, facilitator):
    user, password = facilitator
    client = staff_socket(app, event.id, user.email, password)
    assert client.is_connected()
    return client


@pytest.fixture
def projector(app, event):
    client = socketio.test_client(app, auth={"view": "projector", "token": event.projector_token})
    assert client.is_connected()
    return client


def received(client, name: str) -> list:
    """The payloads of every ``name`` event the socket test client got since the last call."""
    return [message["args"][0] for message in client.get_received() if message["name"] == name]


@pytest.fixture
def server(tmp_path):
    """A real server (gevent, README's way) on a SQLite file of its own, for one test. Modules that need
    another kind (eventlet, seeded data, one per module) define their own ``server``."""
    from tests.servers import start_server

    running = start_server("gevent", {"DATABASE_URL": f"sqlite:///{tmp_path / 'e2e.db'}"})
    yield running
    running.stop()


@pytest.fixture(scope="module")
def childrens_board_server(tmp_path_factory):
    """A real server (gevent, its own SQLite file) with the demo's children's board open, for one module."""
    from tests.servers import CHILDRENS_BOARD, open_activity, start_server

    running = start_server("gevent", {"DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('board') / 'board.db'}"})
    open_activity(running, CHILDRENS_BOARD)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium through Playwright, shared by one module's tests."""
    from playwright.sync_api import sync_playwright

    from tests.browser import launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()
