"""The rules of the room, in plain Python: no Flask request in here. HTTP views and socket handlers
are thin adapters over these functions, so a form post and a socket event run the same code."""
