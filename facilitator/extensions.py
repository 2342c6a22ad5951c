"""Extensions, created once and bound to the app in ``create_app``."""

from typing import TYPE_CHECKING, Any

from flask_babel import Babel
from flask_migrate import Migrate
from flask_socketio import SocketIO
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

# Stable constraint names, so Alembic migrations name the same thing the same way on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)

# What every model derives from. At run time it is ``db.Model``, which Flask-SQLAlchemy builds from ``Base`` (adding its
# table naming and bind key mixins); a type checker cannot take an attribute for a class, so to it the base is ``Base``.
if TYPE_CHECKING:
    Model = Base
else:
    Model = db.Model

migrate = Migrate()
csrf = CSRFProtect()
socketio = SocketIO()
babel = Babel()


# Flask-SocketIO's stubs lag behind it in two places; these wrappers keep the one ignore each needs here.
def socket_server() -> Any:
    """python-socketio's server behind ``socketio``, once ``init_app`` made it (python-socketio has no types)."""
    return socketio.server  # type: ignore[attr-defined]  # set by init_app, absent from the stubs


def socket_sleep(seconds: float) -> None:
    """Yield to other greenlets or threads for ``seconds``, fractions included."""
    socketio.sleep(seconds)  # type: ignore[arg-type]  # the stubs say int; it takes time.sleep's float
