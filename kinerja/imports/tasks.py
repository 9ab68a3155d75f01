"""Background work of imports (ADR 0002): load the job by id, call the service, record a crash."""

from __future__ import annotations

import logging

from django.utils.translation import gettext as _
from django_tasks import task

from kinerja.imports import services
from kinerja.imports.models import ImportJob

logger = logging.getLogger(__name__)


def _run(job_id: int, work: str) -> None:
    job = ImportJob.objects.get(pk=job_id)
    try:
        if work == "validate":
            services.import_job_validate(job=job)
        else:
            services.import_job_apply(job=job)
    except Exception as exc:
        # The apply transaction has rolled back; say so on the job instead of leaving it "running".
        logger.exception("Import job %s failed", job_id)
        services.import_job_fail(job=job, message=_("Unexpected error: %(error)s") % {"error": exc})
        raise


@task()
def validate_import_job(job_id: int) -> None:
    """Check an uploaded file and store the preview."""
    _run(job_id, "validate")


@task()
def apply_import_job(job_id: int) -> None:
    """Apply a checked file in one transaction."""
    _run(job_id, "apply")
