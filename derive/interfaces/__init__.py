"""Interfaces arrange results for people and programs; no mathematics lives here."""
