"""README's production app (``wsgi:app``) with its CPU timed part by part: what ``bench.load --cpu-breakdown`` serves
(bench/_breakdown.py). Never for a real event."""

from bench._breakdown import install
from wsgi import app

install(app)
