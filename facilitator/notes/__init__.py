"""The rapporteur's notes on each session of the agenda: ``service`` holds the rules, ``routes`` the page."""
