"""Running an import the way the pages do, without HTTP."""

from __future__ import annotations

from typing import Any

from kinerja.imports import services
from kinerja.imports.models import ImportJob, ImportStatus


def check(content: bytes, name: str = "data.csv", actor: Any = None) -> ImportJob:
    job = services.import_job_create(actor=actor, content=content, name=name)
    return services.import_job_validate(job=job)


def check_and_apply(content: bytes, name: str = "data.csv", actor: Any = None) -> ImportJob:
    job = check(content, name, actor)
    assert job.status == ImportStatus.VALIDATED, job.errors
    services.import_job_request_apply(job=job, actor=actor)
    return services.import_job_apply(job=job)
