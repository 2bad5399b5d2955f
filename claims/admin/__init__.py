"""The editors' desk in the admin: claims with their parts on one page (claims.py), figures
and subjects (figures.py)."""

from . import claims, figures  # noqa: F401  (registers the admins)
