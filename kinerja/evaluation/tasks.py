"""Background work of evaluation (ADR 0002): load the batch by id, call the service, record a crash."""

from __future__ import annotations

import logging

from django.utils.translation import gettext as _
from django_tasks import task

from kinerja.evaluation.services import batches

logger = logging.getLogger(__name__)


@task()
def generate_document_batch(batch_id: int) -> None:
    """Render an OPD's evaluation documents for a period into one zip."""
    try:
        batches.batch_generate(batch_id=batch_id)
    except Exception as exc:
        # Say so on the batch (the progress page shows it) instead of leaving it "running" forever.
        logger.exception("Document batch %s failed", batch_id)
        batches.batch_fail(batch_id=batch_id, message=_("Unexpected error: %(error)s") % {"error": exc})
        raise
