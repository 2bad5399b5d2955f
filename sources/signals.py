from django.dispatch import Signal

# Sent with `source_ids` when what readers see of those sources on claims (their titles, or
# which rows cite them) has changed. The claims app listens, so sources never import claims.
sources_changed = Signal()
