"""Errors the services raise for people to read. Adapters turn them into an HTTP status or an error ack."""

from __future__ import annotations


class ServiceError(Exception):
    """A rule said no. ``code`` is stable for programs; ``message`` is for the person."""

    status = 400

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message

    def as_ack(self) -> dict:
        return {"ok": False, "error": self.code, "message": self.message}


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

    def __init__(self, code: str = "internal", message: str = "Something went wrong. Please try again."):
        super().__init__(code, message)
