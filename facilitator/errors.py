"""Errors the services raise. Each carries a stable ``code`` for programs, ``params`` for the numbers and names
in it, and a message written where the error is raised: a lazy gettext string where a participant may read
it (rendered in the reader's language when shown), plain English where only staff can (the console is in
English). Adapters turn an error into an HTTP status or an error ack; nobody matches messages afterwards."""

from __future__ import annotations

from typing import Any

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l
from sqlalchemy import exc as database_errors


class ServiceError(Exception):
    """A rule said no."""

    status = 400

    def __init__(self, code: str, message: str | LazyString, **params: Any):
        super().__init__(code)
        self.code = code
        self.template = message
        self.params = params

    @property
    def message(self) -> str:
        """The message in the current language (the request's, when there is one), parameters filled in."""
        text = str(self.template)
        return text % self.plain_params() if self.params else text

    def plain_params(self) -> dict[str, Any]:
        """The parameters as JSON can carry them: a translated label (a field's name) as text in this language."""
        return {name: str(value) if isinstance(value, LazyString) else value for name, value in self.params.items()}

    def __str__(self) -> str:
        return self.message

    def as_ack(self) -> dict[str, Any]:
        return {"ok": False, "error": self.code, "params": self.plain_params(), "message": self.message}


class InvalidInput(ServiceError):
    status = 400


class NotFound(ServiceError):
    status = 404


class Forbidden(ServiceError):
    status = 403


class Conflict(ServiceError):
    status = 409


class RateLimited(ServiceError):
    status = 429


class Busy(ServiceError):
    """Too much is waiting to be stored; the client keeps the entry and sends it again shortly."""

    status = 503


class Internal(ServiceError):
    """Something broke that the person did not cause (a bug, the database gone); they may try again."""

    status = 500

    def __init__(self) -> None:
        super().__init__("internal", _l("Something went wrong. Please try again."))


class Unavailable(ServiceError):
    """The database cannot be reached for a moment (restarting, a network blip): nothing was done, and the same
    request will work again once it is back. Phones keep the entry in their outbox and send it again."""

    status = 503

    def __init__(self) -> None:
        super().__init__("unavailable", _l("We cannot save or load anything just now. Please try again in a moment."))


def is_outage(error: BaseException) -> bool:
    """Whether ``error`` means the database is out of reach (refused, cut, restarting, every pooled connection
    busy), rather than a bug or a refused write: only then is "try again in a moment" the truth."""
    outage_kinds = (database_errors.OperationalError, database_errors.InterfaceError, database_errors.TimeoutError)
    if isinstance(error, outage_kinds):
        return True
    return isinstance(error, database_errors.DBAPIError) and error.connection_invalidated
