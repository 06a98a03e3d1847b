"""Renderers: turn a cleaning result into files. They never decide what changes."""
