import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.audit.models import AuditEvent
from kinerja.imports.models import ImportJob, ImportStatus
from kinerja.imports.tests.files import STAFF_NIP, mini_city, to_xlsx
from kinerja.imports.tests.helpers import check
from kinerja.imports.tests.synthetic import to_csv
from kinerja.organization.models import Employee


def _upload(client, content: bytes, name: str = "pegawai.csv"):
    return client.post(reverse("imports:upload"), {"file": SimpleUploadedFile(name, content)})


def test_admin_bkpsdm_uploads_previews_and_applies(cast, client):
    bea = cast.user("admin_bkpsdm")
    client.force_login(bea)
    assert client.get(reverse("imports:upload")).status_code == 200

    response = _upload(client, to_csv(mini_city(), delimiter=";", bom=True))
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("imports:job-detail", kwargs={"pk": job.pk})
    assert (job.status, job.requested_by) == (ImportStatus.VALIDATED, bea)
    assert not Employee.objects.filter(nip=STAFF_NIP).exists()

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert page.context["can_apply"] is True
    assert reverse("imports:job-apply", kwargs={"pk": job.pk}) in page.content.decode()

    response = client.post(reverse("imports:job-apply", kwargs={"pk": job.pk}))
    assert response.status_code == 302
    job.refresh_from_db()
    assert (job.status, job.applied_by) == (ImportStatus.DONE, bea)
    assert Employee.objects.filter(nip=STAFF_NIP).exists()
    assert AuditEvent.objects.get(verb="imports.import_job.applied").actor == bea

    # The job is done: the apply button is gone and a second POST is refused.
    assert client.get(reverse("imports:job-detail", kwargs={"pk": job.pk})).context["can_apply"] is False
    assert client.post(reverse("imports:job-apply", kwargs={"pk": job.pk})).status_code == 403


def test_xlsx_upload_is_checked_like_csv(cast, client):
    client.force_login(cast.user("admin_bkpsdm"))
    _upload(client, to_xlsx(mini_city()), "pegawai.xlsx")
    job = ImportJob.objects.get()
    assert (job.file_format, job.status) == ("xlsx", ImportStatus.VALIDATED)


def test_invalid_file_shows_every_error_and_no_apply_button(cast, client):
    client.force_login(cast.user("admin_bkpsdm"))
    rows = mini_city()
    rows[3]["NIP_BARU"] = "123"
    rows[4]["GOL_AKHIR"] = "Z"
    _upload(client, to_csv(rows))
    job = ImportJob.objects.get()
    page = client.get(reverse("imports:job-detail", kwargs={"pk": job.pk}))
    assert job.status == ImportStatus.INVALID
    assert page.context["can_apply"] is False
    body = page.content.decode()
    assert "NIP_BARU" in body and "GOL_AKHIR" in body
    assert reverse("imports:job-apply", kwargs={"pk": job.pk}) not in body


def test_upload_refuses_a_file_that_is_not_csv_or_xlsx(cast, client):
    client.force_login(cast.user("admin_bkpsdm"))
    response = _upload(client, b"%PDF-1.7", "pegawai.pdf")
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not ImportJob.objects.exists()


def test_progress_partial_asks_htmx_to_reload_once_the_job_has_finished(cast, client):
    client.force_login(cast.user("admin_bkpsdm"))
    job = check(to_csv(mini_city()))
    url = reverse("imports:job-progress", kwargs={"pk": job.pk})
    assert client.get(url, HTTP_HX_REQUEST="true")["HX-Refresh"] == "true"
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING, rows_done=3)
    running = client.get(url, HTTP_HX_REQUEST="true")
    assert "HX-Refresh" not in running
    assert 'hx-trigger="every 1s"' in running.content.decode()
    assert "progress-bar" in running.content.decode()


@pytest.mark.parametrize("member", ["staff", "admin_opd", "auditor", "leader"])
def test_everyone_but_admin_bkpsdm_gets_403(cast, client, member):
    job = check(to_csv(mini_city()))
    client.force_login(cast.user(member))
    assert client.get(reverse("imports:upload")).status_code == 403
    assert _upload(client, to_csv(mini_city())).status_code == 403
    assert client.get(reverse("imports:job-detail", kwargs={"pk": job.pk})).status_code == 403
    assert client.post(reverse("imports:job-apply", kwargs={"pk": job.pk})).status_code == 403
    job.refresh_from_db()
    assert job.status == ImportStatus.VALIDATED


def test_anonymous_visitor_is_sent_to_login(db, client):
    response = client.get(reverse("imports:upload"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_unknown_job_is_404_for_admin_bkpsdm(cast, client):
    client.force_login(cast.user("admin_bkpsdm"))
    assert client.get(reverse("imports:job-detail", kwargs={"pk": 99999})).status_code == 404
