"""Publication is set-based: the forum lock and the city-wide period publication take a constant number of
queries whatever the number of people, freeze the final predikat and tell each employee."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from kinerja.accounts.models import User
from kinerja.accounts.tests.factories import UserFactory
from kinerja.audit.models import AuditEvent
from kinerja.evaluation import services
from kinerja.evaluation.choices import EvaluationStatus, ForumStatus, OrgPredikat, Predikat, Rating
from kinerja.evaluation.exceptions import InvalidState
from kinerja.evaluation.models import CalibrationForum, Evaluation
from kinerja.evaluation.tests.conftest import rate
from kinerja.evaluation.tests.factories import OrganizationRatingFactory
from kinerja.notifications.models import Notification
from kinerja.organization.tests.factories import EmployeeFactory, OrgUnitFactory
from kinerja.planning.choices import PeriodKind, WorkPlanStatus
from kinerja.planning.models import EvaluationPeriod, WorkPlan

pytestmark = pytest.mark.django_db

PUBLISHED = "evaluation.evaluation.published"


@pytest.fixture(autouse=True)
def _english_messages():
    with translation.override("en"):
        yield


def _crowd(cast, agency, period, predikat: list[str]) -> list[Evaluation]:
    """One RATED evaluation (with an SKP and an account) per predikat given, in ``agency``."""
    rows = []
    for n, value in enumerate(predikat):
        employee = EmployeeFactory()
        UserFactory(username=f"crowd.{agency.pk}.{period.pk}.{n}", employee=employee)
        plan = WorkPlan.objects.create(
            employee=employee, year=cast.year, start_date=cast.year.start_date, end_date=cast.year.end_date,
            form_variant=cast.staff_plan.form_variant, position=cast.positions["staff_b"], unit=agency,
            status=WorkPlanStatus.APPROVED,
        )  # fmt: skip
        rows.append(
            Evaluation.objects.create(
                work_plan=plan,
                period=period,
                employee=employee,
                agency=agency,
                unit=agency,
                status=EvaluationStatus.RATED,
                results_rating=Rating.MEETS,
                behaviour_rating=Rating.MEETS,
                results_reason="r",
                behaviour_reason="r",
                proposed_predikat=value,
            )  # fmt: skip
        )
    return rows


def _rate_dinas_a(cast):
    """alice Baik, carol Butuh Perbaikan, sam Baik: the distribution holds for a Baik OPD."""
    rate(cast.evaluation("staff"), Rating.MEETS, Rating.MEETS, cast.user("supervisor"))
    rate(cast.evaluation("colleague"), Rating.BELOW, Rating.MEETS, cast.user("supervisor"))
    rate(cast.evaluation("supervisor"), Rating.MEETS, Rating.ABOVE, cast.user("opd_head"))


def _ready_forum(cast, agency, minutes="Berita acara forum."):
    OrganizationRatingFactory(unit=agency, period=cast.period, predikat=OrgPredikat.BAIK)
    forum = CalibrationForum.objects.create(agency=agency, period=cast.period, opened_by=cast.user("admin_bkpsdm"))
    forum.minutes = minutes
    forum.save()
    return forum


def _lock_counting(cast, forum) -> int:
    actor = User.objects.get(pk=cast.user("admin_bkpsdm").pk)  # a fresh user: nothing cached from before
    with CaptureQueriesContext(connection) as queries:
        services.forum_lock(actor=actor, forum=forum, lock_version=forum.lock_version)
    return len(queries)


def test_the_lock_publishes_the_forum_and_tells_each_employee(evaluation_cast, django_capture_on_commit_callbacks):
    _rate_dinas_a(evaluation_cast)
    rate(evaluation_cast.evaluation("opd_head"), Rating.MEETS, Rating.MEETS, evaluation_cast.user("leader"))
    forum = _ready_forum(evaluation_cast, evaluation_cast.opd_a)
    services.forum_adjust(
        actor=evaluation_cast.user("opd_head"), forum=forum, evaluation=evaluation_cast.evaluation("staff"),
        to_predikat=Predikat.SANGAT_BAIK, reason="Inovasi layanan.",
    )  # fmt: skip
    forum.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.forum_lock(actor=evaluation_cast.user("opd_head"), forum=forum, lock_version=forum.lock_version)
    forum.refresh_from_db()
    assert forum.status == ForumStatus.LOCKED and forum.locked_by == evaluation_cast.user("opd_head")
    assert forum.locked_check["org_predikat"] == OrgPredikat.BAIK
    published = {
        ev.employee_id: ev for ev in Evaluation.objects.filter(status=EvaluationStatus.PUBLISHED)
    }  # fmt: skip
    names = ("staff", "colleague", "supervisor")
    assert set(published) == {evaluation_cast.employee(n).pk for n in names}  # not hana: outside the forum
    assert published[evaluation_cast.employee("staff").pk].final_predikat == Predikat.SANGAT_BAIK
    assert published[evaluation_cast.employee("colleague").pk].final_predikat == Predikat.BUTUH_PERBAIKAN
    assert all(ev.published_at is not None for ev in published.values())
    told = Notification.objects.filter(verb=PUBLISHED)
    assert sorted(n.recipient_id for n in told) == sorted(evaluation_cast.user(n).pk for n in names)
    alice_note = told.get(recipient=evaluation_cast.user("staff"))
    assert alice_note.url.endswith(f"/{published[evaluation_cast.employee('staff').pk].pk}/")
    event = AuditEvent.objects.get(verb=PUBLISHED)
    assert (event.target_id, event.after["published"]) == (str(forum.pk), 3)
    evaluation_cast.period.refresh_from_db()
    assert evaluation_cast.period.locked_at is None  # the city-wide publication locks the period, not a forum


def test_the_lock_takes_the_same_number_of_queries_for_3_and_for_30_people(evaluation_cast):
    _rate_dinas_a(evaluation_cast)
    small = _ready_forum(evaluation_cast, evaluation_cast.opd_a)
    predikat = [Predikat.BAIK] * 20 + [Predikat.SANGAT_BAIK] * 5 + [Predikat.BUTUH_PERBAIKAN] * 5
    _crowd(evaluation_cast, evaluation_cast.opd_b, evaluation_cast.period, predikat)
    large = _ready_forum(evaluation_cast, evaluation_cast.opd_b)
    for_3 = _lock_counting(evaluation_cast, small)
    for_30 = _lock_counting(evaluation_cast, large)
    assert Evaluation.objects.filter(agency=evaluation_cast.opd_b, status=EvaluationStatus.PUBLISHED).count() == 30
    assert for_30 == for_3


def _other_period(cast) -> EvaluationPeriod:
    return (
        EvaluationPeriod.objects.filter(year=cast.year, kind=PeriodKind.PERIODIC)
        .exclude(pk=cast.period.pk)
        .order_by("number")
        .first()
    )


def test_period_publication_locks_the_period_city_wide_in_a_constant_number_of_queries(evaluation_cast):
    _rate_dinas_a(evaluation_cast)  # 3 rated in the current period, carol's colleague hana stays unrated
    other = _other_period(evaluation_cast)
    _crowd(evaluation_cast, evaluation_cast.opd_b, other, [Predikat.BAIK] * 30)
    counts = []
    for period in (evaluation_cast.period, other):
        actor = User.objects.get(pk=evaluation_cast.user("admin_bkpsdm").pk)
        with CaptureQueriesContext(connection) as queries:
            # Neither Dinas A's nor Dinas B's forum is locked: BKPSDM forces the publication.
            published = services.period_publish(actor=actor, period=period, force=True)
        counts.append((published, len(queries)))
    assert [c[0] for c in counts] == [3, 30]
    assert counts[0][1] == counts[1][1]
    evaluation_cast.period.refresh_from_db()
    assert evaluation_cast.period.locked_at is not None
    assert evaluation_cast.evaluation("opd_head").status == EvaluationStatus.OPEN  # unrated stays open
    assert AuditEvent.objects.filter(verb=PUBLISHED, target_id=str(evaluation_cast.period.pk)).count() == 1


def test_only_admin_bkpsdm_publishes_a_period_and_only_once(evaluation_cast):
    from django.core.exceptions import PermissionDenied

    for name in ("opd_head", "admin_opd", "leader"):
        with pytest.raises(PermissionDenied):
            services.period_publish(actor=evaluation_cast.user(name), period=evaluation_cast.period)
    services.period_publish(actor=evaluation_cast.user("admin_bkpsdm"), period=evaluation_cast.period)
    with pytest.raises(InvalidState) as exc:
        services.period_publish(actor=evaluation_cast.user("admin_bkpsdm"), period=evaluation_cast.period)
    assert "already published" in str(exc.value)


def test_a_locked_period_refuses_further_ratings(evaluation_cast):
    services.period_publish(actor=evaluation_cast.user("admin_bkpsdm"), period=evaluation_cast.period)
    evaluation = evaluation_cast.evaluation("staff")
    with pytest.raises(InvalidState):
        services.evaluation_rate(
            actor=evaluation_cast.user("supervisor"), evaluation=evaluation, results_rating=Rating.MEETS,
            results_reason="r", behaviour_rating=Rating.MEETS, behaviour_reason="r",
            lock_version=evaluation.lock_version,
        )  # fmt: skip


def test_period_publication_is_refused_while_a_forum_with_rated_people_is_not_locked(evaluation_cast):
    _rate_dinas_a(evaluation_cast)
    actor = evaluation_cast.user("admin_bkpsdm")
    with pytest.raises(InvalidState) as exc:
        services.period_publish(actor=actor, period=evaluation_cast.period)
    assert "the evaluation forum of these OPDs has rated people but is not locked" in str(exc.value)
    assert "Dinas A" in str(exc.value) and "Dinas B" not in str(exc.value)  # Dinas B has nobody rated
    evaluation_cast.period.refresh_from_db()
    assert evaluation_cast.period.locked_at is None
    assert not Evaluation.objects.filter(status=EvaluationStatus.PUBLISHED).exists()


def test_the_refusal_names_ten_opds_and_counts_the_rest_in_a_constant_number_of_queries(evaluation_cast):
    agencies = [
        OrgUnitFactory(code=f"OPD-X{n:02d}", name=f"Dinas X{n:02d}", parent=evaluation_cast.root) for n in range(12)
    ]
    for agency in agencies:
        _crowd(evaluation_cast, agency, evaluation_cast.period, [Predikat.BAIK])
    with CaptureQueriesContext(connection) as queries, pytest.raises(InvalidState) as exc:
        services.period_publish(actor=evaluation_cast.user("admin_bkpsdm"), period=evaluation_cast.period)
    message = str(exc.value)
    assert "Dinas X09" in message and "Dinas X10" not in message
    assert "and 2 more OPDs" in message
    assert len(queries) < 10


def test_period_publication_follows_the_locked_forums_and_adds_the_opd_heads(evaluation_cast):
    _rate_dinas_a(evaluation_cast)
    rate(evaluation_cast.evaluation("opd_head"), Rating.MEETS, Rating.MEETS, evaluation_cast.user("leader"))
    forum = _ready_forum(evaluation_cast, evaluation_cast.opd_a)
    forum.justification = "Dinas A hanya tiga pegawai."
    forum.save()
    services.forum_lock(actor=evaluation_cast.user("opd_head"), forum=forum, lock_version=forum.lock_version)
    # Only hana is left to publish: the OPD head, calibrated outside her own OPD's forum.
    assert services.period_publish(actor=evaluation_cast.user("admin_bkpsdm"), period=evaluation_cast.period) == 1
    assert evaluation_cast.evaluation("opd_head").status == EvaluationStatus.PUBLISHED


def test_evaluations_publish_skips_people_whose_forum_is_not_locked(evaluation_cast):
    rate(evaluation_cast.evaluation("opd_head"), Rating.MEETS, Rating.MEETS, evaluation_cast.user("leader"))
    rate(evaluation_cast.evaluation("staff"), Rating.MEETS, Rating.MEETS, evaluation_cast.user("supervisor"))
    services.forum_open(
        actor=evaluation_cast.user("admin_opd"), agency=evaluation_cast.opd_a, period=evaluation_cast.period
    )
    chosen = [evaluation_cast.evaluation("opd_head"), evaluation_cast.evaluation("staff")]
    assert services.evaluations_publish(actor=evaluation_cast.user("admin_bkpsdm"), evaluations=chosen) == 1
    assert evaluation_cast.evaluation("opd_head").status == EvaluationStatus.PUBLISHED
    assert evaluation_cast.evaluation("staff").status == EvaluationStatus.RATED  # the forum is still open


def test_evaluations_publish_publishes_only_rated_ones_for_bkpsdm(evaluation_cast):
    rate(evaluation_cast.evaluation("opd_head"), Rating.MEETS, Rating.MEETS, evaluation_cast.user("leader"))
    chosen = [evaluation_cast.evaluation("opd_head"), evaluation_cast.evaluation("staff")]  # alice unrated
    assert services.evaluations_publish(actor=evaluation_cast.user("admin_bkpsdm"), evaluations=chosen) == 1
    assert evaluation_cast.evaluation("opd_head").final_predikat == Predikat.BAIK
    assert evaluation_cast.evaluation("staff").status == EvaluationStatus.OPEN


def test_the_publish_period_command_publishes_and_locks(evaluation_cast):
    _rate_dinas_a(evaluation_cast)
    number = evaluation_cast.period.number
    args = (str(evaluation_cast.year.year), str(number), "--user", "admin.bkpsdm")
    with pytest.raises(CommandError) as exc:  # Dinas A's forum is not locked
        call_command("publish_period", *args, stdout=StringIO())
    assert "Dinas A" in str(exc.value)
    out = StringIO()
    call_command("publish_period", *args, "--force", stdout=out)
    assert "Published 3 evaluation(s)" in out.getvalue()
    evaluation_cast.period.refresh_from_db()
    assert evaluation_cast.period.locked_at is not None
    with pytest.raises(CommandError):
        call_command(
            "publish_period", str(evaluation_cast.year.year), str(number), "--user", "staff", stdout=StringIO()
        )


def test_the_publish_period_command_dry_run_changes_nothing(evaluation_cast):
    _rate_dinas_a(evaluation_cast)
    out = StringIO()
    call_command("publish_period", str(evaluation_cast.year.year), "annual", "--user", "admin.bkpsdm", "--dry-run",
                 stdout=out)  # fmt: skip
    assert "Dry run" in out.getvalue()
    assert not EvaluationPeriod.objects.filter(locked_at__isnull=False).exists()
