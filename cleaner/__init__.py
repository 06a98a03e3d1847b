"""cleaner: transcript cleanup that shows every change and leaves doubtful fixes for a person."""

__version__ = "0.1.0"
