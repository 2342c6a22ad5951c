"""The commitments register (the event's main output) for staff, its CSV, and the children's public
feedback page that shows what duty bearers committed to and how it is going."""
