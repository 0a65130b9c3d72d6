"""jobfollow: an offline desktop companion for the weeks after a job interview."""

__version__ = "0.1.0"
APP_NAME = "jobfollow"
