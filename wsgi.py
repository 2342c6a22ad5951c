"""Production entry point: ``gunicorn -k gevent -w 1 --worker-connections 10000 wsgi:app``.

gunicorn's gevent worker monkey-patches before it imports this module.
"""

from facilitator import create_app
from facilitator.live import entry_writer, gc_policy, pings
from facilitator.sms import modem

app = create_app({"ASYNC_MODE": "gevent"})
modem.start_reader(app)  # a GSM modem's messages, when GAMMU_INBOX_PATH is set (run one worker then)
entry_writer.warm_up()
pings.install()
gc_policy.install()
