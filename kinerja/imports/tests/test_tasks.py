import pytest

from kinerja.imports import services, tasks
from kinerja.imports.models import ImportStatus
from kinerja.imports.tests.files import mini_city
from kinerja.imports.tests.synthetic import city_rows, to_csv
from kinerja.organization.models import Employee

pytestmark = pytest.mark.django_db


def test_validate_task_stores_the_preview_and_the_row_count():
    job = services.import_job_create(actor=None, content=to_csv(city_rows(600)), name="kota.csv")
    tasks.validate_import_job.enqueue(job.pk)
    job.refresh_from_db()
    assert job.status == ImportStatus.VALIDATED
    assert job.rows_total == job.rows_done == 601  # the root unit's row and 600 employees
    assert job.progress_percent == 100


def test_apply_task_applies_a_running_job():
    job = services.import_job_create(actor=None, content=to_csv(mini_city()), name="kota.csv")
    services.import_job_validate(job=job)
    services.import_job_request_apply(job=job, actor=None)
    tasks.apply_import_job.enqueue(job.pk)
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE
    assert job.finished_at is not None
    assert Employee.objects.count() == 4


def test_a_crash_in_the_task_marks_the_job_failed_instead_of_leaving_it_working():
    job = services.import_job_create(actor=None, content=to_csv(mini_city()), name="kota.csv")
    job.file.storage.delete(job.file.name)
    tasks.validate_import_job.enqueue(job.pk)
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert job.failure
