"""The editors' desk in the admin: claims with their parts on one page (claims.py, built from
claim_page.py), who makes them (claimants.py), the parts listed on their own (parts.py),
figures and subjects (figures.py)."""

from . import claimants, claims, figures, parts  # noqa: F401  (registers the admins)
