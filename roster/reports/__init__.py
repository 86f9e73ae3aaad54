"""Duty sheets, duty cards, daily messages and the coverage map, laid out from one day view."""
