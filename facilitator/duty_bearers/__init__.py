"""Duty bearers answer the children's asks on record, through their organisation's own link."""
