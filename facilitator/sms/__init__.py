"""Answers by SMS and votes by USSD, for children with a feature phone or no data (issue 18).

- ``inbound``: a text message (from Africa's Talking or a GSM modem) becomes an entry through the board's own
  service, and its sender gets the same reply whatever the safety screen found;
- ``ussd``: the open poll or scale as USSD menus, voting through the voting service;
- ``replies``: replies sent off the request path, with retries, by Africa's Talking's SDK or gammu-smsd;
- ``settings``: turning SMS and USSD on for an event, and what the room is shown (number, code, keywords);
- ``routes`` (the gateway's webhooks and the console's switch) and ``modem`` (gammu-smsd's inbox): adapters.

A sender's number is never stored nor logged: their participant is a keyed hash of it
(``events.participants.participant_for_number``); the number lives only in memory, until the reply is sent.
"""
