"""Write workflows for claims, one module per kind of thing written: claims, claimants,
evidence, relations, reviews (grading and approval), corrections (the rule for public
changes), figures and search summaries. Admin, API, commands, history revert and imports all
write through these; this package gathers them so that callers need not know which module
holds a workflow.

Every write saves model instances one by one, so each leaves a history record; nothing here uses
QuerySet.update() or bulk_update() on a tracked model (the summaries are not tracked).
"""

from .claimants import (
    claimant_alias_delete,
    claimant_alias_save,
    claimant_delete,
    claimant_find,
    claimant_get_or_create,
    claimant_merge,
    claimant_name_taken,
    claimant_save,
)
from .claims import (
    MATERIAL_FIELDS,
    WORKFLOW_FIELDS,
    assignment_refused,
    claim_log,
    claim_save,
    claim_withdraw,
    topic_get_or_create,
    topic_save,
)
from .comments import comment_add, review_send_back
from .corrections import (
    CORRECTION_NEEDED,
    correction_missing,
    correction_needed,
    correction_record,
    correction_require,
    correction_text,
)
from .evidence import (
    evidence_add,
    evidence_delete,
    evidence_save,
    first_appearance_cite,
    first_appearance_locator,
)
from .figures import (
    conflict_explain,
    figure_conflicts_detect,
    figure_delete,
    figure_save,
    subject_get_or_create,
    subject_save,
)
from .notifications import recheck_reminders, recheck_reminders_send
from .relations import relation_add, relation_delete, relation_save
from .reviews import (
    approval_refused,
    claim_grade_and_publish,
    claim_publish,
    claim_submit,
    publication_missing,
    publication_refused,
    review_delete,
    review_save,
    review_submit,
)
from .summaries import (
    SUMMARY_BATCH_SIZE,
    claim_summaries_build,
    claim_summaries_refresh_for_sources,
    claim_summary_refresh,
)

__all__ = [
    "assignment_refused",
    "approval_refused",
    "CORRECTION_NEEDED",
    "MATERIAL_FIELDS",
    "SUMMARY_BATCH_SIZE",
    "WORKFLOW_FIELDS",
    "claim_grade_and_publish",
    "claim_log",
    "claim_publish",
    "claim_save",
    "claim_submit",
    "claim_summaries_build",
    "claim_summaries_refresh_for_sources",
    "claim_summary_refresh",
    "claim_withdraw",
    "claimant_alias_delete",
    "claimant_alias_save",
    "claimant_delete",
    "claimant_find",
    "claimant_get_or_create",
    "claimant_merge",
    "claimant_name_taken",
    "claimant_save",
    "comment_add",
    "conflict_explain",
    "correction_missing",
    "correction_needed",
    "correction_record",
    "correction_require",
    "correction_text",
    "evidence_add",
    "evidence_delete",
    "evidence_save",
    "figure_conflicts_detect",
    "first_appearance_cite",
    "first_appearance_locator",
    "figure_delete",
    "figure_save",
    "relation_add",
    "relation_delete",
    "relation_save",
    "recheck_reminders",
    "recheck_reminders_send",
    "review_delete",
    "review_save",
    "review_send_back",
    "review_submit",
    "subject_get_or_create",
    "publication_missing",
    "publication_refused",
    "subject_save",
    "topic_get_or_create",
    "topic_save",
]
