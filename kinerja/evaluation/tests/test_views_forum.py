"""The step-1, calibration-forum and document-batch pages over HTTP, as kepala.opd uses them on a desktop.

The violating OPD: Dinas A (alice, carol, sam) with capaian Baik and all three rated Baik. With the small-unit
size lowered to 1 the percentage rules bind, so "Baik: at most 70%" (2 of 3) and "Butuh Perbaikan or
Kurang: at least 1 person" are violations and the fit helper proposes one change.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kinerja.evaluation.choices import AdjustmentSource, BatchStatus, ForumStatus, OrgPredikat, Predikat, Rating
from kinerja.evaluation.models import CalibrationAdjustment, CalibrationForum, DocumentBatch, OrganizationRating
from kinerja.evaluation.tests.conftest import EvaluationCast, rate
from kinerja.evaluation.tests.factories import CalibrationForumFactory, EvaluationFactory, OrganizationRatingFactory
from kinerja.organization.tests.factories import AssignmentFactory, EmployeeFactory, PositionFactory
from kinerja.planning.tests.factories import WorkPlanFactory

HTMX = {"HTTP_HX_REQUEST": "true"}
FORUM_PEOPLE = ("staff", "colleague", "supervisor")
pytestmark = pytest.mark.django_db


def client_for(cast: EvaluationCast, name: str) -> Client:
    client = Client()
    client.force_login(cast.user(name))
    # Pages are Indonesian by default; these tests read the English msgids.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def violating(evaluation_cast: EvaluationCast, settings: Any) -> CalibrationForum:
    cast = evaluation_cast
    settings.KINERJA_SMALL_UNIT_SIZE = 1
    OrganizationRatingFactory(unit=cast.opd_a, period=cast.period, predikat=OrgPredikat.BAIK)
    for name in FORUM_PEOPLE:
        rate(cast.evaluation(name), Rating.MEETS, Rating.MEETS, cast.user("supervisor"))
    return CalibrationForumFactory(agency=cast.opd_a, period=cast.period, opened_by=cast.user("opd_head"))


def forum_url(cast: EvaluationCast) -> str:
    return reverse("evaluation:forum", args=[cast.opd_a.pk, cast.period.pk])


# --- The forum page -------------------------------------------------------------------------------


def test_forum_page_shows_the_violation_the_chart_and_the_fit_helpers_proposal(
    evaluation_cast: EvaluationCast, violating: CalibrationForum
) -> None:
    response = client_for(evaluation_cast, "opd_head").get(forum_url(evaluation_cast))

    assert response.status_code == 200
    page = response.content.decode()
    assert "rule-result rule-violation" in page
    assert "at most 70% (2 of 3 people)" in page
    assert "1 person must change" in page
    assert 'id="forum-chart-data"' in page and "chart.umd.min.js" in page
    assert page.count('data-testid="proposal"') == 1
    assert "Apply the suggestion" in page
    # Each rated row has an "Adjust" control; the form itself is one template the page fills in per row.
    assert page.count("data-adjust=") == 3
    assert page.count('data-testid="adjust-form"') == 1
    assert 'data-testid="lock-button"' in page
    assert "publishes the final predikat to 3 employees" in page


def test_forum_page_without_org_predikat_says_who_sets_it(evaluation_cast: EvaluationCast) -> None:
    CalibrationForumFactory(agency=evaluation_cast.opd_a, period=evaluation_cast.period)

    page = client_for(evaluation_cast, "opd_head").get(forum_url(evaluation_cast)).content.decode()

    assert 'data-testid="org-not-set"' in page
    assert "set by the Pimpinan daerah" in page
    assert 'id="forum-chart-data"' not in page


def test_adjust_without_a_reason_shows_the_error_next_to_the_field(
    evaluation_cast: EvaluationCast, violating: CalibrationForum
) -> None:
    alice = evaluation_cast.evaluation("staff")
    data = {"evaluation": alice.pk, "to_predikat": Predikat.BUTUH_PERBAIKAN, "reason": "  "}

    response = client_for(evaluation_cast, "opd_head").post(
        reverse("evaluation:forum-adjust", args=[violating.pk]), data, **HTMX
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert page.startswith("<details") and f'id="adjust-{alice.pk}"' in page
    assert 'data-testid="adjust-error"' in page
    assert "Write the reason for the change" in page
    assert f'value="{Predikat.BUTUH_PERBAIKAN}" selected' in page
    assert not CalibrationAdjustment.objects.exists()
    assert evaluation_cast.evaluation("staff").final_predikat == ""


def test_adjust_with_a_reason_changes_the_predikat_and_reloads_the_forum(
    evaluation_cast: EvaluationCast, violating: CalibrationForum
) -> None:
    alice = evaluation_cast.evaluation("staff")
    client = client_for(evaluation_cast, "opd_head")
    data = {"evaluation": alice.pk, "to_predikat": Predikat.BUTUH_PERBAIKAN, "reason": "Laporan sering terlambat."}

    response = client.post(reverse("evaluation:forum-adjust", args=[violating.pk]), data, **HTMX)

    adjustment = CalibrationAdjustment.objects.get()
    # The query names the new adjustment so the browser reloads even though only the anchor differs.
    expected = forum_url(evaluation_cast) + f"?penyesuaian={adjustment.pk}#person-{alice.pk}"
    assert response.headers["HX-Redirect"] == expected
    assert evaluation_cast.evaluation("staff").final_predikat == Predikat.BUTUH_PERBAIKAN
    page = client.get(forum_url(evaluation_cast)).content.decode()
    assert "rule-result rule-violation" not in page
    assert "Laporan sering terlambat." in page
    assert 'data-testid="proposal"' not in page


def test_adjusting_someone_of_another_opd_is_not_found(
    evaluation_cast: EvaluationCast, violating: CalibrationForum
) -> None:
    other = EvaluationFactory(work_plan=WorkPlanFactory(employee=evaluation_cast.employee("other_staff")))
    data = {"evaluation": other.pk, "to_predikat": Predikat.BAIK, "reason": "Salah OPD."}

    response = client_for(evaluation_cast, "admin_bkpsdm").post(
        reverse("evaluation:forum-adjust", args=[violating.pk]), data
    )

    assert response.status_code == 404


def test_apply_suggestion_needs_a_reason_then_changes_the_proposed_people(
    evaluation_cast: EvaluationCast, violating: CalibrationForum
) -> None:
    client = client_for(evaluation_cast, "opd_head")
    page = client.get(forum_url(evaluation_cast)).content.decode()
    key = page.split('name="changes" value="', 1)[1].split('"', 1)[0]
    url = reverse("evaluation:forum-suggestion", args=[violating.pk])

    refused = client.post(url, {"changes": [key], "reason": ""})

    assert refused.status_code == 200
    assert "Write the reason for the change" in refused.content.decode()
    assert not CalibrationAdjustment.objects.exists()

    accepted = client.post(url, {"changes": [key], "reason": "Sesuai kurva distribusi."})

    assert accepted.status_code == 302
    adjustment = CalibrationAdjustment.objects.get()
    assert adjustment.source == AdjustmentSource.SUGGESTION
    assert f"{adjustment.evaluation_id}:{adjustment.to_predikat}" == key
    assert adjustment.reason == "Sesuai kurva distribusi."


def test_lock_is_refused_with_the_reasons_shown_next_to_the_minutes(
    evaluation_cast: EvaluationCast, violating: CalibrationForum
) -> None:
    response = client_for(evaluation_cast, "opd_head").post(
        reverse("evaluation:forum-lock", args=[violating.pk]), {"lock_version": violating.lock_version}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-testid="lock-errors"' in page
    assert "breaks the rules of SE MenPANRB 3/2023" in page
    assert 'id="id_minutes_error"' in page
    assert "Write the minutes (berita acara)" in page
    assert CalibrationForum.objects.get().status == ForumStatus.OPEN


def test_lock_publishes_once_the_distribution_holds_and_the_minutes_are_written(
    evaluation_cast: EvaluationCast, violating: CalibrationForum
) -> None:
    client = client_for(evaluation_cast, "opd_head")
    alice = evaluation_cast.evaluation("staff")
    data = {"evaluation": alice.pk, "to_predikat": Predikat.BUTUH_PERBAIKAN, "reason": "Laporan sering terlambat."}
    client.post(reverse("evaluation:forum-adjust", args=[violating.pk]), data)
    forum = CalibrationForum.objects.get()
    update = {"minutes": "Forum menyepakati satu penyesuaian.", "lock_version": forum.lock_version}
    client.post(reverse("evaluation:forum-update", args=[forum.pk]), update)
    forum.refresh_from_db()

    response = client.post(reverse("evaluation:forum-lock", args=[forum.pk]), {"lock_version": forum.lock_version})

    assert response.status_code == 302
    assert CalibrationForum.objects.get().status == ForumStatus.LOCKED
    assert evaluation_cast.evaluation("staff").is_published


def test_locked_forum_is_read_only(evaluation_cast: EvaluationCast, violating: CalibrationForum) -> None:
    violating.status = ForumStatus.LOCKED
    violating.locked_at = timezone.now()
    violating.locked_by = evaluation_cast.user("opd_head")
    violating.minutes = "Forum selesai."
    violating.save()
    client = client_for(evaluation_cast, "opd_head")

    page = client.get(forum_url(evaluation_cast)).content.decode()

    assert 'data-testid="forum-locked"' in page
    assert 'data-testid="minutes-readonly"' in page and "Forum selesai." in page
    for form in ("adjust-form", "update-form", "suggestion-form", "lock-button"):
        assert f'data-testid="{form}"' not in page
    assert reverse("evaluation:batches", args=[evaluation_cast.opd_a.pk, evaluation_cast.period.pk]) in page

    alice = evaluation_cast.evaluation("staff")
    data = {"evaluation": alice.pk, "to_predikat": Predikat.BUTUH_PERBAIKAN, "reason": "Terlambat."}
    response = client.post(reverse("evaluation:forum-adjust", args=[violating.pk]), data, follow=True)
    assert "locked" in response.content.decode()
    assert not CalibrationAdjustment.objects.exists()


def test_opening_the_forum_is_for_managers_only(evaluation_cast: EvaluationCast) -> None:
    assert client_for(evaluation_cast, "auditor").post(forum_url(evaluation_cast)).status_code == 403
    assert not CalibrationForum.objects.exists()

    response = client_for(evaluation_cast, "admin_opd").post(forum_url(evaluation_cast))

    assert response.status_code == 302
    assert CalibrationForum.objects.get().agency == evaluation_cast.opd_a


def test_forum_page_queries_do_not_grow_with_the_opd(
    evaluation_cast: EvaluationCast, violating: CalibrationForum
) -> None:
    client = client_for(evaluation_cast, "opd_head")
    client.get(forum_url(evaluation_cast))  # warm the per-process caches (content types, translations)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(forum_url(evaluation_cast)).status_code == 200
        return len(captured)

    before = queries()
    kabid = evaluation_cast.positions["kabid"]
    for n in range(4):
        employee = EmployeeFactory(name=f"Pegawai Tambahan {n}")
        position = PositionFactory(name=f"Pelaksana A1 {n}", unit=evaluation_cast.bidang_a1, reports_to=kabid)
        AssignmentFactory(employee=employee, position=position)
        plan = WorkPlanFactory(employee=employee, year=evaluation_cast.year)
        evaluation = EvaluationFactory(work_plan=plan, period=evaluation_cast.period)
        rate(evaluation, Rating.MEETS, Rating.BELOW, evaluation_cast.user("supervisor"))

    assert queries() == before


def test_forum_list_shows_each_visible_forum_with_its_state(
    evaluation_cast: EvaluationCast, violating: CalibrationForum
) -> None:
    page = client_for(evaluation_cast, "admin_bkpsdm").get(reverse("evaluation:forums")).content.decode()

    assert page.count('data-testid="forum-row"') == 2  # Dinas A (open) and Dinas B (not opened)
    assert "Dinas A" in page and "Dinas B" in page and "Not opened" in page
    assert "3 / 3" in page

    staff_page = client_for(evaluation_cast, "staff").get(reverse("evaluation:forums")).content.decode()
    assert 'data-testid="forum-row"' not in staff_page


# --- Step 1: capaian kinerja organisasi -------------------------------------------------------------


def org_rating_url(cast: EvaluationCast, unit: Any) -> str:
    return reverse("evaluation:org-rating-set", args=[unit.pk, cast.period.pk])


def test_org_rating_form_puts_errors_next_to_the_fields(evaluation_cast: EvaluationCast) -> None:
    unit = evaluation_cast.bidang_a1  # its head (sam) reports to hana, who sets it

    response = client_for(evaluation_cast, "opd_head").post(
        org_rating_url(evaluation_cast, unit), {f"u{unit.pk}-predikat": "", f"u{unit.pk}-note": ""}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert f'id="id_u{unit.pk}-predikat_error"' in page and "Choose the predikat of the unit." in page
    assert f'id="id_u{unit.pk}-note_error"' in page and "it is printed on the penetapan" in page
    assert not OrganizationRating.objects.exists()


def test_org_rating_is_set_and_the_page_teaches_the_allowed_distribution(evaluation_cast: EvaluationCast) -> None:
    unit = evaluation_cast.bidang_a1
    client = client_for(evaluation_cast, "opd_head")
    data = {f"u{unit.pk}-predikat": OrgPredikat.BAIK, f"u{unit.pk}-note": "Capaian IKU sesuai target."}

    response = client.post(org_rating_url(evaluation_cast, unit), data)

    assert response.status_code == 302
    assert OrganizationRating.objects.get(unit=unit).predikat == OrgPredikat.BAIK
    page = client.get(reverse("evaluation:org-ratings"), {"period": evaluation_cast.period.pk}).content.decode()
    assert 'data-testid="current-rating"' in page
    assert "Good (Baik): at most 70%" in page
    assert "at least 1 person" in page
    assert 'data-testid="curve"' in page


def test_people_who_set_nothing_read_their_agencys_results(evaluation_cast: EvaluationCast) -> None:
    OrganizationRatingFactory(unit=evaluation_cast.bidang_a1, period=evaluation_cast.period)

    page = client_for(evaluation_cast, "staff").get(reverse("evaluation:org-ratings")).content.decode()

    assert 'data-testid="org-rating-form"' not in page
    assert 'data-testid="agency-ratings"' in page and "Bidang A1" in page


def test_org_rating_of_a_unit_someone_else_sets_is_not_found(evaluation_cast: EvaluationCast) -> None:
    unit = evaluation_cast.opd_a  # the Pimpinan daerah's, not its own head's
    data = {f"u{unit.pk}-predikat": OrgPredikat.ISTIMEWA, f"u{unit.pk}-note": "Sendiri."}

    response = client_for(evaluation_cast, "opd_head").post(org_rating_url(evaluation_cast, unit), data)

    assert response.status_code == 404
    assert not OrganizationRating.objects.exists()


# --- Document batches ---------------------------------------------------------------------------------


def batch_of(cast: EvaluationCast, **fields: Any) -> DocumentBatch:
    return DocumentBatch.objects.create(
        agency=cast.opd_a, period=cast.period, requested_by=cast.user("opd_head"), **fields
    )


def test_batch_progress_is_polled_while_the_job_runs(evaluation_cast: EvaluationCast) -> None:
    batch = batch_of(evaluation_cast, status=BatchStatus.RUNNING, total=10, done=4)

    response = client_for(evaluation_cast, "opd_head").get(reverse("evaluation:batch", args=[batch.pk]), **HTMX)

    page = response.content.decode()
    assert page.startswith('<div id="batch-progress"')
    assert 'hx-trigger="every 1s"' in page
    assert "4 of 10 documents" in page and "40%" in page


def test_finished_batch_stops_polling(evaluation_cast: EvaluationCast) -> None:
    batch = batch_of(evaluation_cast, status=BatchStatus.DONE, total=3, done=3)

    page = client_for(evaluation_cast, "opd_head").get(reverse("evaluation:batch", args=[batch.pk])).content.decode()

    assert "hx-trigger" not in page
    assert "3 documents ready." in page


def test_batch_page_lists_earlier_batches(evaluation_cast: EvaluationCast) -> None:
    batch_of(evaluation_cast, status=BatchStatus.FAILED, total=3, done=1, error="Disk penuh")
    url = reverse("evaluation:batches", args=[evaluation_cast.opd_a.pk, evaluation_cast.period.pk])

    page = client_for(evaluation_cast, "admin_opd").get(url).content.decode()

    assert 'data-testid="batch-request"' in page
    assert "1 / 3" in page and "Failed" in page


def test_requesting_a_zip_without_published_results_says_why(evaluation_cast: EvaluationCast) -> None:
    url = reverse("evaluation:batches", args=[evaluation_cast.opd_a.pk, evaluation_cast.period.pk])

    response = client_for(evaluation_cast, "opd_head").post(url, follow=True)

    assert response.redirect_chain[-1][0] == url
    assert "has no published evaluation" in response.content.decode()
    assert not DocumentBatch.objects.exists()


def test_an_admin_opd_calibrated_by_the_forum_sees_a_dash_for_their_own_result(
    evaluation_cast: EvaluationCast, violating: CalibrationForum
) -> None:
    from kinerja.accounts.choices import Role
    from kinerja.accounts.tests.factories import RoleGrantFactory

    cast = evaluation_cast
    RoleGrantFactory(user=cast.user("colleague"), role=Role.ADMIN_OPD, scope=cast.opd_a)  # carol runs the forum
    carol = cast.evaluation("colleague")
    page = client_for(cast, "colleague").get(forum_url(cast)).content.decode()
    own = page[page.index(f'id="person-{carol.pk}"') :]
    own = own[: own.index("</tr>")]
    assert 'data-testid="own-row"' in own
    assert "Your own result is shown once it is published." in own
    assert "Perilaku kerja sesuai nilai BerAKHLAK." not in own  # the penilai's reason
    assert f'id="adjust-{carol.pk}"' not in own
    others = page[page.index(f'id="person-{cast.evaluation("staff").pk}"') :]
    assert 'data-testid="own-row"' not in others[: others.index("</tr>")]
