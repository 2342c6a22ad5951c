"""Every domain's models, imported together so SQLAlchemy can resolve relationships between packages and
Alembic sees the whole schema. Code imports a model from its own domain package, not from here."""

from __future__ import annotations

from facilitator import audit
from facilitator.agenda import models as agenda
from facilitator.asks import models as asks
from facilitator.board import models as board
from facilitator.events import models as events
from facilitator.notes import models as notes
from facilitator.safeguarding import models as safeguarding
from facilitator.staff import models as staff
from facilitator.voting import models as voting

DOMAIN_MODELS = (agenda, asks, audit, board, events, notes, safeguarding, staff, voting)
