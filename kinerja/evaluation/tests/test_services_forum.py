"""The evaluation forum: opening, minutes, adjustments with reasons, and what stands in the way of the lock."""

from __future__ import annotations

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.utils import translation

from kinerja.accounts.choices import Role
from kinerja.accounts.models import User
from kinerja.accounts.tests.factories import RoleGrantFactory
from kinerja.audit.models import AuditEvent
from kinerja.evaluation import selectors, services
from kinerja.evaluation.choices import AdjustmentSource, EvaluationStatus, ForumStatus, OrgPredikat, Predikat, Rating
from kinerja.evaluation.exceptions import InvalidState, StaleObject
from kinerja.evaluation.models import CalibrationAdjustment, CalibrationForum, Evaluation
from kinerja.evaluation.tests.conftest import publish, rate
from kinerja.evaluation.tests.factories import OrganizationRatingFactory

pytestmark = pytest.mark.django_db

# Dinas A's forum calibrates alice, carol and sam (hana, the OPD head, is calibrated outside it).
PEOPLE = ("staff", "colleague", "supervisor")


@pytest.fixture(autouse=True)
def _english_messages():
    with translation.override("en"):
        yield


@pytest.fixture
def forum(evaluation_cast):
    return services.forum_open(
        actor=evaluation_cast.user("admin_opd"), agency=evaluation_cast.opd_a, period=evaluation_cast.period
    )


def _rate_all(cast, ratings=None):
    """alice Baik, carol Butuh Perbaikan, sam Baik unless told: a distribution that holds for a Baik OPD."""
    ratings = ratings or {
        "staff": (Rating.MEETS, Rating.MEETS),
        "colleague": (Rating.BELOW, Rating.MEETS),
        "supervisor": (Rating.MEETS, Rating.ABOVE),
    }
    penilai = {"staff": "supervisor", "colleague": "supervisor", "supervisor": "opd_head"}
    for name, (results, behaviour) in ratings.items():
        rate(cast.evaluation(name), results, behaviour, cast.user(penilai[name]))


def _update(cast, forum, user="admin_opd", **overrides):
    forum.refresh_from_db()
    values = {
        "participants": [cast.employee("opd_head"), cast.employee("admin_opd")],
        "guests": "Perwakilan BKPSDM",
        "held_on": "2026-04-02",
        "minutes": "Forum membahas sebaran predikat Dinas A.",
        "justification": "",
        "lock_version": forum.lock_version,
        **overrides,
    }
    return services.forum_update(actor=cast.user(user), forum=forum, **values)


def _lock(cast, forum, user="opd_head"):
    forum.refresh_from_db()
    return services.forum_lock(actor=cast.user(user), forum=forum, lock_version=forum.lock_version)


# --- Opening and minutes --------------------------------------------------------------------


def test_opening_a_forum_opens_missing_evaluations_of_the_opd_once(evaluation_cast):
    evaluation_cast.evaluation("colleague").delete()
    forum = services.forum_open(
        actor=evaluation_cast.user("admin_opd"), agency=evaluation_cast.opd_a, period=evaluation_cast.period
    )
    assert forum.status == ForumStatus.OPEN
    assert Evaluation.objects.filter(work_plan=evaluation_cast.colleague_plan, period=evaluation_cast.period).exists()
    again = services.forum_open(
        actor=evaluation_cast.user("opd_head"), agency=evaluation_cast.opd_a, period=evaluation_cast.period
    )
    assert again.pk == forum.pk
    assert AuditEvent.objects.filter(verb="evaluation.forum.opened").count() == 1


def test_staff_cannot_open_a_forum_and_a_bidang_has_none(evaluation_cast):
    with pytest.raises(PermissionDenied):
        services.forum_open(
            actor=evaluation_cast.user("staff"), agency=evaluation_cast.opd_a, period=evaluation_cast.period
        )
    with pytest.raises(ValidationError) as exc:
        services.forum_open(
            actor=evaluation_cast.user("admin_bkpsdm"), agency=evaluation_cast.bidang_a1, period=evaluation_cast.period
        )
    assert "agency" in exc.value.message_dict
    assert not CalibrationForum.objects.exists()


def test_the_minutes_and_participants_are_saved_and_audited(evaluation_cast, forum):
    forum = _update(evaluation_cast, forum)
    assert set(forum.participants.all()) == {
        evaluation_cast.employee("opd_head"),
        evaluation_cast.employee("admin_opd"),
    }
    assert forum.held_on.isoformat() == "2026-04-02" and forum.minutes.startswith("Forum membahas")
    assert AuditEvent.objects.filter(verb="evaluation.forum.updated").count() == 1


def test_a_stale_forum_update_is_refused(evaluation_cast, forum):
    stale = forum.lock_version
    _update(evaluation_cast, forum)
    with pytest.raises(StaleObject):
        _update(evaluation_cast, forum, minutes="Versi lain", lock_version=stale)
    forum.refresh_from_db()
    assert forum.minutes.startswith("Forum membahas")


def test_a_bad_meeting_date_is_refused(evaluation_cast, forum):
    with pytest.raises(ValidationError) as exc:
        _update(evaluation_cast, forum, held_on="2 April")
    assert "held_on" in exc.value.message_dict


# --- Adjustments ----------------------------------------------------------------------------


def test_an_adjustment_needs_a_reason_and_nothing_is_saved_without_it(evaluation_cast, forum):
    _rate_all(evaluation_cast)
    with pytest.raises(ValidationError) as exc:
        services.forum_adjust(
            actor=evaluation_cast.user("admin_opd"), forum=forum, evaluation=evaluation_cast.evaluation("staff"),
            to_predikat=Predikat.SANGAT_BAIK, reason=" ",
        )  # fmt: skip
    assert "the employee will read it" in exc.value.message_dict["reason"][0]
    assert not CalibrationAdjustment.objects.exists()
    assert evaluation_cast.evaluation("staff").final_predikat == ""


def test_an_adjustment_keeps_from_and_to_and_sets_the_final_predikat_with_its_reason(evaluation_cast, forum):
    _rate_all(evaluation_cast)
    adjustment = services.forum_adjust(
        actor=evaluation_cast.user("admin_opd"), forum=forum, evaluation=evaluation_cast.evaluation("staff"),
        to_predikat=Predikat.SANGAT_BAIK, reason="Inovasi layanan daring.",
    )  # fmt: skip
    assert (adjustment.from_predikat, adjustment.to_predikat) == (Predikat.BAIK, Predikat.SANGAT_BAIK)
    assert adjustment.source == AdjustmentSource.MANUAL and adjustment.by == evaluation_cast.user("admin_opd")
    alice = evaluation_cast.evaluation("staff")
    assert (alice.proposed_predikat, alice.final_predikat, alice.predikat) == (
        Predikat.BAIK, Predikat.SANGAT_BAIK, Predikat.SANGAT_BAIK,
    )  # fmt: skip
    assert alice.calibration_reason == "Inovasi layanan daring."
    event = AuditEvent.objects.get(verb="evaluation.calibration.adjusted")
    # Filed under her unit for HR and auditors, about nobody: alice reads her predikat only once published.
    assert (event.before, event.org_unit_id, event.subject_id) == ({"predikat": Predikat.BAIK}, alice.unit_id, None)


def test_adjusting_back_to_the_matrix_predikat_leaves_no_calibration_change_but_keeps_the_trail(evaluation_cast, forum):
    _rate_all(evaluation_cast)
    actor = evaluation_cast.user("admin_opd")
    services.forum_adjust(
        actor=actor, forum=forum, evaluation=evaluation_cast.evaluation("staff"), to_predikat=Predikat.SANGAT_BAIK,
        reason="Inovasi.",
    )  # fmt: skip
    back = services.forum_adjust(
        actor=actor, forum=forum, evaluation=evaluation_cast.evaluation("staff"), to_predikat=Predikat.BAIK,
        reason="Inovasi belum terbukti.",
    )  # fmt: skip
    assert back.from_predikat == Predikat.SANGAT_BAIK
    alice = evaluation_cast.evaluation("staff")
    assert (alice.final_predikat, alice.calibration_reason) == ("", "")
    assert CalibrationAdjustment.objects.count() == 2


def test_the_opd_head_an_unrated_person_and_the_same_predikat_cannot_be_adjusted(evaluation_cast, forum):
    rate(evaluation_cast.evaluation("opd_head"), Rating.MEETS, Rating.MEETS, evaluation_cast.user("leader"))
    rate(evaluation_cast.evaluation("staff"), Rating.MEETS, Rating.MEETS, evaluation_cast.user("supervisor"))
    actor = evaluation_cast.user("admin_opd")
    for name, to, field in (
        ("opd_head", Predikat.SANGAT_BAIK, "evaluation"),
        ("colleague", Predikat.SANGAT_BAIK, "evaluation"),
        ("staff", Predikat.BAIK, "to_predikat"),
    ):
        with pytest.raises(ValidationError) as exc:
            services.forum_adjust(
                actor=actor, forum=forum, evaluation=evaluation_cast.evaluation(name), to_predikat=to, reason="x"
            )
        assert field in exc.value.message_dict
    assert not CalibrationAdjustment.objects.exists()


def test_a_published_result_cannot_be_adjusted(evaluation_cast, forum):
    _rate_all(evaluation_cast)
    publish(evaluation_cast.evaluation("staff"))
    with pytest.raises(InvalidState):
        services.forum_adjust(
            actor=evaluation_cast.user("admin_opd"), forum=forum, evaluation=evaluation_cast.evaluation("staff"),
            to_predikat=Predikat.SANGAT_BAIK, reason="Inovasi.",
        )  # fmt: skip


def test_staff_cannot_adjust(evaluation_cast, forum):
    _rate_all(evaluation_cast)
    with pytest.raises(PermissionDenied):
        services.forum_adjust(
            actor=evaluation_cast.user("staff"), forum=forum, evaluation=evaluation_cast.evaluation("staff"),
            to_predikat=Predikat.SANGAT_BAIK, reason="Saya layak.",
        )  # fmt: skip


def _all_baik_in_a_baik_opd(cast, settings):
    """Everyone Baik in a Baik OPD counted as a full unit: the rules need one person down (the fit's proposal)."""
    settings.KINERJA_SMALL_UNIT_SIZE = 1
    _baik_opd(cast)
    _rate_all(cast, dict.fromkeys(PEOPLE, (Rating.MEETS, Rating.MEETS)))
    proposals = selectors.forum_view(cast.opd_a, cast.period).proposals
    assert len(proposals) == 1
    return proposals[0]


def test_accepting_the_suggestion_adjusts_each_chosen_person_with_the_reason(evaluation_cast, forum, settings):
    proposal = _all_baik_in_a_baik_opd(evaluation_cast, settings)
    adjustments = services.forum_apply_suggestion(
        actor=evaluation_cast.user("opd_head"), forum=forum,
        changes=[(proposal.evaluation_id, proposal.to_predikat)], reason="Saran kurva.",
    )  # fmt: skip
    assert [(a.evaluation_id, a.to_predikat, a.source) for a in adjustments] == [
        (proposal.evaluation_id, Predikat.BUTUH_PERBAIKAN, AdjustmentSource.SUGGESTION)
    ]
    assert Evaluation.objects.get(pk=proposal.evaluation_id).final_predikat == Predikat.BUTUH_PERBAIKAN
    assert AuditEvent.objects.filter(verb="evaluation.calibration.adjusted").count() == 1


def test_a_change_the_suggestion_does_not_propose_is_refused_as_a_suggestion(evaluation_cast, forum, settings):
    proposal = _all_baik_in_a_baik_opd(evaluation_cast, settings)
    other = next(
        evaluation_cast.evaluation(n) for n in PEOPLE if evaluation_cast.evaluation(n).pk != proposal.evaluation_id
    )
    for changes in (
        [(other.pk, Predikat.BUTUH_PERBAIKAN)],  # someone the fit did not pick
        [(proposal.evaluation_id, Predikat.SANGAT_BAIK)],  # the right person, another predikat
        [(proposal.evaluation_id, proposal.to_predikat), (other.pk, Predikat.KURANG)],
    ):
        with pytest.raises(ValidationError) as exc:
            services.forum_apply_suggestion(
                actor=evaluation_cast.user("opd_head"), forum=forum, changes=changes, reason="Saran kurva."
            )
        assert "Apply only changes the suggestion proposes now" in exc.value.message_dict["changes"][0]
    assert not CalibrationAdjustment.objects.exists()


def _admin_opd_in_the_forum(cast):
    """carol is also Admin OPD of Dinas A: she runs the forum that calibrates her."""
    RoleGrantFactory(user=cast.user("colleague"), role=Role.ADMIN_OPD, scope=cast.opd_a)
    return User.objects.get(pk=cast.user("colleague").pk)


def test_nobody_adjusts_their_own_predikat_in_the_forum(evaluation_cast, forum, settings):
    carol = _admin_opd_in_the_forum(evaluation_cast)
    _rate_all(evaluation_cast)
    with pytest.raises(ValidationError) as exc:
        services.forum_adjust(
            actor=carol, forum=forum, evaluation=evaluation_cast.evaluation("colleague"),
            to_predikat=Predikat.BAIK, reason="Saya layak.",
        )  # fmt: skip
    assert "Nobody calibrates their own result" in exc.value.message_dict["evaluation"][0]
    # She still adjusts the others.
    services.forum_adjust(
        actor=carol, forum=forum, evaluation=evaluation_cast.evaluation("staff"), to_predikat=Predikat.SANGAT_BAIK,
        reason="Inovasi layanan.",
    )  # fmt: skip
    assert CalibrationAdjustment.objects.get().evaluation_id == evaluation_cast.evaluation("staff").pk


def test_nobody_applies_a_suggestion_about_themselves(evaluation_cast, forum, settings):
    carol = _admin_opd_in_the_forum(evaluation_cast)
    settings.KINERJA_SMALL_UNIT_SIZE = 1
    _baik_opd(evaluation_cast)
    # carol Baik with the lowest score: the fit proposes her for the one downgrade the rules need.
    _rate_all(evaluation_cast, dict.fromkeys(PEOPLE, (Rating.MEETS, Rating.MEETS)))
    Evaluation.objects.filter(pk=evaluation_cast.evaluation("colleague").pk).update(legacy_score=50)
    Evaluation.objects.exclude(pk=evaluation_cast.evaluation("colleague").pk).update(legacy_score=100)
    [proposal] = selectors.forum_view(evaluation_cast.opd_a, evaluation_cast.period).proposals
    assert proposal.evaluation_id == evaluation_cast.evaluation("colleague").pk
    with pytest.raises(ValidationError) as exc:
        services.forum_apply_suggestion(
            actor=carol, forum=forum, changes=[(proposal.evaluation_id, proposal.to_predikat)], reason="Saran."
        )
    assert "Nobody calibrates their own result" in exc.value.message_dict["evaluation"][0]
    assert not CalibrationAdjustment.objects.exists()
    # Her own row and the proposal about her are hidden from her in the forum's view until publication.
    view = selectors.forum_view(evaluation_cast.opd_a, evaluation_cast.period, viewer=carol)
    assert [row.evaluation.employee_id for row in view.rows if row.own] == [evaluation_cast.employee("colleague").pk]
    assert view.proposals == []


def test_a_suggestion_with_someone_outside_the_forum_changes_nobody(evaluation_cast, forum):
    _rate_all(evaluation_cast)
    rate(evaluation_cast.evaluation("opd_head"), Rating.MEETS, Rating.MEETS, evaluation_cast.user("leader"))
    with pytest.raises(ValidationError):
        services.forum_apply_suggestion(
            actor=evaluation_cast.user("opd_head"), forum=forum,
            changes=[(evaluation_cast.evaluation("staff").pk, Predikat.KURANG),
                     (evaluation_cast.evaluation("opd_head").pk, Predikat.KURANG)],
            reason="Saran kurva.",
        )  # fmt: skip
    assert not CalibrationAdjustment.objects.exists()
    assert evaluation_cast.evaluation("staff").final_predikat == ""


# --- What stands in the way of the lock -------------------------------------------------------


def _baik_opd(cast):
    OrganizationRatingFactory(unit=cast.opd_a, period=cast.period, predikat=OrgPredikat.BAIK)


def _assert_nothing_published(cast, forum):
    forum.refresh_from_db()
    assert forum.status == ForumStatus.OPEN and forum.locked_at is None
    assert not Evaluation.objects.filter(status=EvaluationStatus.PUBLISHED).exists()


def test_the_lock_is_refused_while_people_are_unrated_and_says_how_many(evaluation_cast, forum):
    _baik_opd(evaluation_cast)
    _update(evaluation_cast, forum)
    rate(evaluation_cast.evaluation("staff"), Rating.MEETS, Rating.MEETS, evaluation_cast.user("supervisor"))
    with pytest.raises(ValidationError) as exc:
        _lock(evaluation_cast, forum)
    assert "2 people are not rated yet" in " ".join(exc.value.message_dict[NON_FIELD_ERRORS])
    _assert_nothing_published(evaluation_cast, forum)


def test_the_lock_is_refused_while_a_distribution_rule_is_violated(evaluation_cast, forum, settings):
    settings.KINERJA_SMALL_UNIT_SIZE = 1  # three people count as a full unit: the rules bind
    _baik_opd(evaluation_cast)
    _update(evaluation_cast, forum, justification="Unit kecil.")
    _rate_all(evaluation_cast, dict.fromkeys(PEOPLE, (Rating.MEETS, Rating.MEETS)))  # all Baik
    with pytest.raises(ValidationError) as exc:
        _lock(evaluation_cast, forum)
    message = " ".join(exc.value.message_dict[NON_FIELD_ERRORS])
    assert "breaks the rules of SE MenPANRB 3/2023" in message
    _assert_nothing_published(evaluation_cast, forum)


def test_small_unit_warnings_need_a_justification_before_the_lock(evaluation_cast, forum):
    _baik_opd(evaluation_cast)
    _update(evaluation_cast, forum)
    _rate_all(evaluation_cast, dict.fromkeys(PEOPLE, (Rating.MEETS, Rating.MEETS)))  # all Baik: warnings only
    with pytest.raises(ValidationError) as exc:
        _lock(evaluation_cast, forum)
    assert list(exc.value.message_dict) == ["justification"]
    _assert_nothing_published(evaluation_cast, forum)
    _update(evaluation_cast, forum, justification="Dinas A hanya tiga pegawai; semua mencapai target.")
    assert _lock(evaluation_cast, forum).status == ForumStatus.LOCKED


def test_the_lock_is_refused_without_minutes_or_without_the_opds_capaian(evaluation_cast, forum):
    _rate_all(evaluation_cast)
    with pytest.raises(ValidationError) as exc:
        _lock(evaluation_cast, forum)
    errors = exc.value.message_dict
    assert "minutes" in errors
    assert "capaian kinerja organisasi of Dinas A" in " ".join(errors[NON_FIELD_ERRORS])
    _assert_nothing_published(evaluation_cast, forum)


def test_the_admin_opd_cannot_lock_and_a_stale_lock_is_refused(evaluation_cast, forum):
    _baik_opd(evaluation_cast)
    _rate_all(evaluation_cast)
    stale = forum.lock_version
    _update(evaluation_cast, forum)
    with pytest.raises(PermissionDenied):
        _lock(evaluation_cast, forum, user="admin_opd")
    with pytest.raises(StaleObject):
        services.forum_lock(actor=evaluation_cast.user("opd_head"), forum=forum, lock_version=stale)
    _assert_nothing_published(evaluation_cast, forum)


def test_a_locked_forum_changes_no_more(evaluation_cast, forum):
    _baik_opd(evaluation_cast)
    _rate_all(evaluation_cast)
    _update(evaluation_cast, forum)
    _lock(evaluation_cast, forum)
    with pytest.raises(InvalidState):
        _update(evaluation_cast, forum)
    with pytest.raises(InvalidState):
        _lock(evaluation_cast, forum)
