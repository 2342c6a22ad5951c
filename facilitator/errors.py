"""Errors the services raise. Each carries a stable ``code`` for programs, ``params`` for the numbers and names
in it, and a message written where the error is raised: a lazy gettext string where a participant may read
it (rendered in the reader's language when shown), plain English where only staff can (the console is in
English). Adapters turn an error into an HTTP status or an error ack; nobody matches messages afterwards."""

from __future__ import annotations

from typing import Any

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l


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
