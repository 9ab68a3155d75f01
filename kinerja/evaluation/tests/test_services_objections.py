"""Keberatan (PP 30/2019 Ps 59): the window after publication, all-or-nothing filing, the penilai's explanation
and the final decision of the atasan pejabat penilai, which changes the evaluation itself."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from kinerja.audit.models import AuditEvent
from kinerja.evaluation import services
from kinerja.evaluation.choices import ObjectionOutcome, ObjectionStatus, Predikat, Rating
from kinerja.evaluation.exceptions import InvalidState, StaleObject
from kinerja.evaluation.models import Objection, ObjectionAttachment
from kinerja.evaluation.tests.conftest import publish, rate
from kinerja.evaluation.tests.factories import ObjectionFactory
from kinerja.monitoring.tests.factories import ELF_BYTES
from kinerja.monitoring.tests.helpers import stored_files, upload
from kinerja.notifications.models import Notification
from kinerja.organization import selectors as org_selectors

pytestmark = pytest.mark.django_db

LOCAL = ZoneInfo(settings.TIME_ZONE)
PUBLISHED_AT = dt.datetime(2026, 4, 1, 10, 0, tzinfo=LOCAL)
REASONS = "Laporan saya melebihi target; mohon rating hasil kerja ditinjau."


@pytest.fixture(autouse=True)
def _english_messages():
    with translation.override("en"):
        yield


def _published(cast, name="staff", when=None, results=Rating.MEETS, behaviour=Rating.MEETS):
    penilai = {"staff": "supervisor", "colleague": "supervisor", "supervisor": "opd_head"}[name]
    return publish(rate(cast.evaluation(name), results, behaviour, cast.user(penilai)), when)


def _file(cast, evaluation, user="staff", files=()):
    return services.objection_file(actor=cast.user(user), evaluation=evaluation, reasons=REASONS, files=files)


def _on(day: dt.date):
    return time_machine.travel(dt.datetime.combine(day, dt.time(12, 0), tzinfo=LOCAL), tick=False)


# --- Filing ---------------------------------------------------------------------------------


def test_a_keberatan_filed_on_the_last_day_of_the_window_is_accepted_with_its_attachment(
    evaluation_cast, django_capture_on_commit_callbacks
):
    evaluation = _published(evaluation_cast, when=PUBLISHED_AT)
    with _on(dt.date(2026, 4, 15)), django_capture_on_commit_callbacks(execute=True):  # 14 days after 1 April
        objection = _file(evaluation_cast, evaluation, files=[upload("bukti.pdf")])
    assert objection.status == ObjectionStatus.FILED
    assert (objection.explanation_due, objection.decision_due) == (dt.date(2026, 4, 22), dt.date(2026, 4, 29))
    attachment = ObjectionAttachment.objects.get(objection=objection)
    assert attachment.content_type == "application/pdf" and attachment.original_name == "bukti.pdf"
    assert stored_files() == [attachment.file.name]
    assert AuditEvent.objects.filter(verb="evaluation.objection.filed", subject=evaluation.employee).count() == 1
    # The penilai must explain, the atasan pejabat penilai will decide: both are told.
    assert evaluation_cast.user("supervisor").notifications.filter(verb="evaluation.objection.filed").exists()
    assert evaluation_cast.user("opd_head").notifications.filter(verb="evaluation.objection.filed").exists()


def test_a_keberatan_on_day_15_is_refused_with_the_date_the_window_closed(evaluation_cast):
    evaluation = _published(evaluation_cast, when=PUBLISHED_AT)
    with _on(dt.date(2026, 4, 16)), pytest.raises(InvalidState) as exc:
        _file(evaluation_cast, evaluation, files=[upload("bukti.pdf")])
    assert str(exc.value) == (
        "The keberatan period closed on 15 April 2026 (14 days after the result was published on 1 April 2026)."
    )
    assert not Objection.objects.exists()
    assert stored_files() == []


def test_the_window_is_the_years_rule(evaluation_cast):
    evaluation_cast.year.appeal_window_days = 20
    evaluation_cast.year.save()
    evaluation = _published(evaluation_cast, when=PUBLISHED_AT)
    with _on(dt.date(2026, 4, 21)):
        assert _file(evaluation_cast, evaluation).pk


def test_a_failure_after_the_files_were_stored_leaves_no_keberatan_and_no_file(evaluation_cast, monkeypatch):
    evaluation = _published(evaluation_cast)

    def broken(*args, **kwargs):
        raise RuntimeError("audit store down")

    monkeypatch.setattr("kinerja.evaluation.services.objections.record_evaluation", broken)
    with pytest.raises(RuntimeError):
        _file(evaluation_cast, evaluation, files=[upload("a.pdf"), upload("b.pdf")])
    assert not Objection.objects.exists() and not ObjectionAttachment.objects.exists()
    assert stored_files() == []


def test_a_disguised_executable_is_refused_and_nothing_is_filed(evaluation_cast):
    evaluation = _published(evaluation_cast)
    with pytest.raises(ValidationError) as exc:
        _file(evaluation_cast, evaluation, files=[upload("bukti.pdf"), upload("foto.jpg", ELF_BYTES, "image/jpeg")])
    assert "file" in exc.value.message_dict
    assert not Objection.objects.exists()
    assert stored_files() == []


def test_reasons_are_required(evaluation_cast):
    evaluation = _published(evaluation_cast)
    with pytest.raises(ValidationError) as exc:
        services.objection_file(actor=evaluation_cast.user("staff"), evaluation=evaluation, reasons="  ")
    assert "PP 30/2019 Ps 59" in exc.value.message_dict["reasons"][0]


@pytest.mark.parametrize("name", ["supervisor", "opd_head", "admin_bkpsdm", "colleague"])
def test_only_the_owner_files_a_keberatan(evaluation_cast, name):
    evaluation = _published(evaluation_cast)
    with pytest.raises(PermissionDenied):
        _file(evaluation_cast, evaluation, user=name)
    assert not Objection.objects.exists()


def test_one_keberatan_per_evaluation(evaluation_cast):
    evaluation = _published(evaluation_cast)
    _file(evaluation_cast, evaluation)
    with pytest.raises(InvalidState) as exc:
        _file(evaluation_cast, evaluation)
    assert "only one is allowed" in str(exc.value)
    assert Objection.objects.count() == 1


def test_an_unpublished_result_cannot_be_objected_to(evaluation_cast):
    evaluation = rate(
        evaluation_cast.evaluation("staff"), Rating.MEETS, Rating.MEETS, evaluation_cast.user("supervisor")
    )
    with pytest.raises(InvalidState):
        _file(evaluation_cast, evaluation)


# --- Explanation ----------------------------------------------------------------------------


def _explain(cast, objection, user="supervisor", text="Realisasi laporan hanya 10 dari 12."):
    objection.refresh_from_db()
    return services.objection_explain(
        actor=cast.user(user), objection=objection, explanation=text, lock_version=objection.lock_version
    )


@pytest.mark.parametrize("name", ["staff", "opd_head", "admin_bkpsdm"])
def test_only_the_penilai_explains(evaluation_cast, name):
    objection = ObjectionFactory(evaluation=_published(evaluation_cast))
    with pytest.raises(PermissionDenied):
        _explain(evaluation_cast, objection, user=name)


def test_the_penilai_explains_once_and_the_atasan_and_employee_are_told(
    evaluation_cast, django_capture_on_commit_callbacks
):
    objection = ObjectionFactory(evaluation=_published(evaluation_cast))
    with pytest.raises(ValidationError) as exc:
        _explain(evaluation_cast, objection, text="")
    assert "explanation" in exc.value.message_dict
    with django_capture_on_commit_callbacks(execute=True):
        objection = _explain(evaluation_cast, objection)
    assert (objection.status, objection.explained_by) == (ObjectionStatus.EXPLAINED, evaluation_cast.user("supervisor"))
    assert evaluation_cast.user("opd_head").notifications.filter(verb="evaluation.objection.explained").exists()
    assert evaluation_cast.user("staff").notifications.filter(verb="evaluation.objection.explained").exists()
    with pytest.raises(InvalidState):
        _explain(evaluation_cast, objection)


def test_a_stale_explanation_is_refused(evaluation_cast):
    objection = ObjectionFactory(evaluation=_published(evaluation_cast))
    with pytest.raises(StaleObject):
        services.objection_explain(
            actor=evaluation_cast.user("supervisor"), objection=objection, explanation="x",
            lock_version=objection.lock_version + 1,
        )  # fmt: skip


# --- Decision -------------------------------------------------------------------------------


def _decide(cast, objection, user="opd_head", outcome=ObjectionOutcome.CHANGED, results=Rating.ABOVE,
            behaviour=Rating.ABOVE, reason="Bukti dukung menunjukkan capaian di atas target."):  # fmt: skip
    objection.refresh_from_db()
    return services.objection_decide(
        actor=cast.user(user), objection=objection, outcome=outcome, reason=reason, results_rating=results,
        behaviour_rating=behaviour, lock_version=objection.lock_version,
    )  # fmt: skip


@pytest.fixture
def explained(evaluation_cast):
    objection = ObjectionFactory(evaluation=_published(evaluation_cast))
    return _explain(evaluation_cast, objection)


@pytest.mark.parametrize("name", ["supervisor", "staff", "admin_bkpsdm", "admin_opd", "auditor", "leader"])
def test_only_the_atasan_pejabat_penilai_decides(evaluation_cast, explained, name):
    with pytest.raises(PermissionDenied):
        _decide(evaluation_cast, explained, user=name)
    explained.refresh_from_db()
    assert explained.status == ObjectionStatus.EXPLAINED


def test_the_decision_waits_for_the_explanation_until_its_deadline(evaluation_cast):
    objection = ObjectionFactory(evaluation=_published(evaluation_cast))
    with pytest.raises(InvalidState) as exc:
        _decide(evaluation_cast, objection)
    assert "Wait for the explanation" in str(exc.value)
    with _on(objection.explanation_due + dt.timedelta(days=1)):
        decided = _decide(evaluation_cast, objection)
    assert decided.status == ObjectionStatus.DECIDED


def test_a_change_must_change_the_predikat(evaluation_cast, explained):
    with pytest.raises(ValidationError) as exc:
        _decide(evaluation_cast, explained, results=Rating.MEETS, behaviour=Rating.ABOVE)  # still Baik
    assert "same predikat" in exc.value.message_dict["results_rating"][0]
    explained.refresh_from_db()
    assert explained.status == ObjectionStatus.EXPLAINED


def test_a_change_updates_the_evaluation_records_the_previous_result_and_tells_both(
    evaluation_cast, explained, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        objection = _decide(evaluation_cast, explained)
    assert (objection.status, objection.outcome) == (ObjectionStatus.DECIDED, ObjectionOutcome.CHANGED)
    assert objection.previous == {
        "results_rating": Rating.MEETS, "results_reason": "Capaian IKI sesuai bukti dukung.",
        "behaviour_rating": Rating.MEETS, "behaviour_reason": "Perilaku kerja sesuai nilai BerAKHLAK.",
        "predikat": Predikat.BAIK,
    }  # fmt: skip
    alice = evaluation_cast.evaluation("staff")
    assert (alice.results_rating, alice.behaviour_rating) == (Rating.ABOVE, Rating.ABOVE)
    # The penilai's reasons no longer explain the new ratings: the decision's reason does (printed on documents).
    for text in (alice.results_reason, alice.behaviour_reason):
        assert text.endswith(": Bukti dukung menunjukkan capaian di atas target.")
        assert "sesuai" not in text
    assert alice.final_predikat == alice.predikat == Predikat.SANGAT_BAIK
    assert AuditEvent.objects.filter(verb="evaluation.evaluation.changed_by_objection", subject=alice.employee).exists()
    assert AuditEvent.objects.filter(verb="evaluation.objection.decided").exists()
    for name in ("staff", "supervisor"):
        assert evaluation_cast.user(name).notifications.filter(verb="evaluation.objection.decided").exists()


def test_keeping_the_result_leaves_the_evaluation_as_it_was(evaluation_cast, explained):
    objection = _decide(evaluation_cast, explained, outcome=ObjectionOutcome.KEPT, results=None, behaviour=None)
    assert objection.outcome == ObjectionOutcome.KEPT
    alice = evaluation_cast.evaluation("staff")
    assert (alice.results_rating, alice.final_predikat) == (Rating.MEETS, Predikat.BAIK)


def test_the_decision_is_final(evaluation_cast, explained):
    _decide(evaluation_cast, explained)
    with pytest.raises(InvalidState) as exc:
        _decide(evaluation_cast, explained, outcome=ObjectionOutcome.KEPT)
    assert "final" in str(exc.value)
    assert evaluation_cast.evaluation("staff").final_predikat == Predikat.SANGAT_BAIK


def test_a_decision_needs_a_reason_and_a_fresh_version(evaluation_cast, explained):
    with pytest.raises(ValidationError) as exc:
        _decide(evaluation_cast, explained, reason="")
    assert "reason" in exc.value.message_dict
    with pytest.raises(StaleObject):
        services.objection_decide(
            actor=evaluation_cast.user("opd_head"), objection=explained, outcome=ObjectionOutcome.KEPT, reason="r",
            lock_version=explained.lock_version + 5,
        )  # fmt: skip


def test_a_unit_heads_keberatan_is_decided_by_the_pimpinan_daerah_without_touching_the_capaian(evaluation_cast):
    # sam heads Bidang A1; hana (his penilai) has nobody above her in the tree.
    objection = ObjectionFactory(evaluation=_published(evaluation_cast, "supervisor"))
    objection.refresh_from_db()
    objection = services.objection_explain(
        actor=evaluation_cast.user("opd_head"), objection=objection, explanation="Sesuai capaian bidang.",
        lock_version=objection.lock_version,
    )  # fmt: skip
    with pytest.raises(ValidationError) as exc:
        _decide(evaluation_cast, objection, user="leader", results=Rating.ABOVE, behaviour=Rating.MEETS)
    assert "capaian kinerja organisasi" in exc.value.message_dict["results_rating"][0]
    decided = _decide(evaluation_cast, objection, user="leader", results=None, behaviour=Rating.BELOW)
    assert decided.status == ObjectionStatus.DECIDED
    assert evaluation_cast.evaluation("supervisor").final_predikat == Predikat.KURANG


def test_the_filing_deadlines_follow_the_settings(evaluation_cast, settings):
    settings.KINERJA_OBJECTION_EXPLANATION_DAYS = 3
    settings.KINERJA_OBJECTION_DECISION_DAYS = 5
    objection = _file(evaluation_cast, _published(evaluation_cast))
    today = org_selectors.today()
    assert (objection.explanation_due, objection.decision_due) == (
        today + dt.timedelta(days=3), today + dt.timedelta(days=5),
    )  # fmt: skip


def test_a_change_may_name_only_the_rating_that_changes(evaluation_cast, explained):
    objection = _decide(evaluation_cast, explained, results=None, behaviour=Rating.BELOW)
    assert objection.outcome == ObjectionOutcome.CHANGED
    alice = evaluation_cast.evaluation("staff")
    assert (alice.results_rating, alice.behaviour_rating, alice.final_predikat) == (
        Rating.MEETS, Rating.BELOW, Predikat.KURANG,
    )  # fmt: skip
    # Only the changed rating takes the decision's reason; the unchanged one keeps the penilai's.
    assert alice.results_reason == "Capaian IKI sesuai bukti dukung."
    assert alice.behaviour_reason.endswith(": Bukti dukung menunjukkan capaian di atas target.")
    carols = _explain(evaluation_cast, ObjectionFactory(evaluation=_published(evaluation_cast, "colleague")))
    with pytest.raises(ValidationError) as exc:  # nothing named: nothing changes, so the predikat cannot either
        _decide(evaluation_cast, carols, results=None, behaviour=None)
    assert "same predikat" in exc.value.message_dict["results_rating"][0]


# --- Who explains and decides today ---------------------------------------------------------


def _wakil(cast):
    """A second Pimpinan daerah (the Wakil Wali Kota) over the whole city."""
    from kinerja.accounts.choices import Role
    from kinerja.accounts.models import User
    from kinerja.accounts.tests.factories import RoleGrantFactory
    from kinerja.organization.tests.factories import EmployeeFactory

    wakil = User.objects.create(username="wakil", employee=EmployeeFactory(name="Wakil"))
    RoleGrantFactory(user=wakil, role=Role.REGIONAL_LEADER, scope=cast.root)
    return wakil


def _hanas_keberatan(cast, django_capture_on_commit_callbacks):
    """hana (OPD head) has no penilai nor atasan in the tree: the Wali Kota rated her."""
    evaluation = publish(rate(cast.evaluation("opd_head"), Rating.MEETS, Rating.MEETS, cast.user("leader")))
    with django_capture_on_commit_callbacks(execute=True):
        return _file(cast, evaluation, user="opd_head")


def test_the_pimpinan_daerah_who_rated_does_not_decide_the_keberatan(
    evaluation_cast, django_capture_on_commit_callbacks
):
    wakil = _wakil(evaluation_cast)
    objection = _hanas_keberatan(evaluation_cast, django_capture_on_commit_callbacks)
    objection = _explain(evaluation_cast, objection, user="leader", text="Sesuai capaian Dinas A.")
    with pytest.raises(PermissionDenied):
        _decide(evaluation_cast, objection, user="leader")
    objection.refresh_from_db()
    decided = services.objection_decide(
        actor=wakil, objection=objection, outcome=ObjectionOutcome.KEPT, reason="Tetap.",
        lock_version=objection.lock_version,
    )  # fmt: skip
    assert decided.decided_by == wakil


def test_a_keberatan_without_a_penilai_or_atasan_in_the_tree_reaches_the_pimpinan_daerah(
    evaluation_cast, django_capture_on_commit_callbacks, settings
):
    settings.LANGUAGE_CODE = "en"  # notifications are written in the site's language
    wakil = _wakil(evaluation_cast)
    objection = _hanas_keberatan(evaluation_cast, django_capture_on_commit_callbacks)
    leader = evaluation_cast.user("leader")
    filed = {
        (n.recipient_id, n.title.split(":")[0]) for n in Notification.objects.filter(verb="evaluation.objection.filed")
    }
    assert filed == {
        (leader.pk, "Hana filed a keberatan"),  # the Wali Kota rated her: he explains
        (wakil.pk, "Hana filed a keberatan for you to decide"),  # the other leader decides
    }
    with django_capture_on_commit_callbacks(execute=True):
        _explain(evaluation_cast, objection, user="leader", text="Sesuai capaian Dinas A.")
    told = Notification.objects.filter(verb="evaluation.objection.explained").exclude(
        recipient=evaluation_cast.user("opd_head")
    )
    assert [n.recipient_id for n in told] == [wakil.pk]


def test_a_unit_heads_keberatan_is_sent_to_the_pimpinan_daerah_to_decide(
    evaluation_cast, django_capture_on_commit_callbacks, settings
):
    settings.LANGUAGE_CODE = "en"
    evaluation = _published(evaluation_cast, "supervisor")  # sam: penilai hana, nobody above her
    with django_capture_on_commit_callbacks(execute=True):
        _file(evaluation_cast, evaluation, user="supervisor")
    told = {n.recipient_id: n.title for n in Notification.objects.filter(verb="evaluation.objection.filed")}
    assert told == {
        evaluation_cast.user("opd_head").pk: told[evaluation_cast.user("opd_head").pk],
        evaluation_cast.user("leader").pk: "Sam filed a keberatan for you to decide",
    }
    assert "your explanation is due" in told[evaluation_cast.user("opd_head").pk]


def test_once_the_atasan_left_the_post_only_its_new_holder_is_told_and_decides(
    evaluation_cast, django_capture_on_commit_callbacks, settings
):
    settings.LANGUAGE_CODE = "en"
    from kinerja.accounts.models import User
    from kinerja.organization.choices import AssignmentKind
    from kinerja.organization.models import Assignment
    from kinerja.organization.tests.factories import AssignmentFactory, EmployeeFactory

    cast = evaluation_cast
    evaluation = _published(cast)
    today = org_selectors.today()
    Assignment.objects.filter(employee=cast.employee("opd_head")).update(end_date=today - dt.timedelta(days=1))
    ida = EmployeeFactory(name="Ida")
    AssignmentFactory(employee=ida, position=cast.positions["head_a"], kind=AssignmentKind.PLT, start_date=today)
    ida_user = User.objects.create(username="ida", employee=ida)
    with django_capture_on_commit_callbacks(execute=True):
        objection = _file(cast, evaluation)
    to_decide = Notification.objects.filter(verb="evaluation.objection.filed", title__contains="for you to decide")
    assert [n.recipient_id for n in to_decide] == [ida_user.pk]
    objection = _explain(cast, objection)
    with pytest.raises(PermissionDenied):  # hana rated nobody here but left the post above sam
        _decide(cast, objection, user="opd_head")
    objection.refresh_from_db()
    decided = services.objection_decide(
        actor=ida_user, objection=objection, outcome=ObjectionOutcome.KEPT, reason="Tetap.",
        lock_version=objection.lock_version,
    )  # fmt: skip
    assert decided.decided_by == ida_user
