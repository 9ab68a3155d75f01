"""Opening evaluations, the self-assessment and the penilai's rating: reasons, the matrix, unit heads, locking."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from kinerja.audit.models import AuditEvent
from kinerja.evaluation import services
from kinerja.evaluation.choices import EvaluationStatus, OrgPredikat, Predikat, Rating
from kinerja.evaluation.exceptions import InvalidState, StaleObject
from kinerja.evaluation.models import Evaluation, ItemAssessment
from kinerja.evaluation.tests.conftest import publish, rate
from kinerja.evaluation.tests.factories import OrganizationRatingFactory
from kinerja.planning import rules

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_messages():
    """These tests read the wording of messages; the product's default language is Indonesian."""
    with translation.override("en"):
        yield


def _rate(cast, name="staff", user="supervisor", **overrides):
    evaluation = cast.evaluation(name)
    values = {
        "results_rating": Rating.MEETS,
        "results_reason": "Laporan layanan tersusun sesuai target.",
        "behaviour_rating": Rating.ABOVE,
        "behaviour_reason": "Kolaboratif dan responsif.",
        "lock_version": evaluation.lock_version,
        **overrides,
    }
    return services.evaluation_rate(actor=cast.user(user), evaluation=evaluation, **values)


# --- Reasons and the matrix -------------------------------------------------------------------


@pytest.mark.parametrize("missing", ["results_reason", "behaviour_reason"])
def test_a_rating_without_its_written_reason_is_refused_naming_the_field_and_the_rule(evaluation_cast, missing):
    with pytest.raises(ValidationError) as exc:
        _rate(evaluation_cast, **{missing: "   "})
    errors = exc.value.message_dict
    assert list(errors) == [missing]
    label = "rating hasil kerja" if missing == "results_reason" else "rating perilaku kerja"
    assert label in errors[missing][0]
    assert "every rating needs a written reason" in errors[missing][0]
    evaluation = evaluation_cast.evaluation("staff")
    assert (evaluation.status, evaluation.results_rating, evaluation.proposed_predikat) == (
        EvaluationStatus.OPEN,
        "",
        "",
    )
    assert not AuditEvent.objects.filter(verb__startswith="evaluation.").exists()


def test_both_missing_reasons_are_reported_together(evaluation_cast):
    with pytest.raises(ValidationError) as exc:
        _rate(evaluation_cast, results_reason="", behaviour_reason="")
    assert set(exc.value.message_dict) == {"results_reason", "behaviour_reason"}


def test_an_unknown_rating_is_refused(evaluation_cast):
    with pytest.raises(ValidationError) as exc:
        _rate(evaluation_cast, results_rating="luar_biasa")
    assert "results_rating" in exc.value.message_dict


@pytest.mark.parametrize(
    ("results", "behaviour", "predikat"),
    [
        (Rating.ABOVE, Rating.ABOVE, Predikat.SANGAT_BAIK),
        (Rating.MEETS, Rating.ABOVE, Predikat.BAIK),
        (Rating.ABOVE, Rating.BELOW, Predikat.KURANG),
        (Rating.BELOW, Rating.MEETS, Predikat.BUTUH_PERBAIKAN),
        (Rating.BELOW, Rating.BELOW, Predikat.SANGAT_KURANG),
    ],
)
def test_rating_proposes_the_predikat_of_the_matrix_and_audits(evaluation_cast, results, behaviour, predikat):
    evaluation = _rate(evaluation_cast, results_rating=results, behaviour_rating=behaviour)
    evaluation.refresh_from_db()
    assert evaluation.status == EvaluationStatus.RATED
    assert evaluation.proposed_predikat == predikat
    assert evaluation.rated_by == evaluation_cast.user("supervisor")
    assert evaluation.suggestion.get("reasons")  # the system's proposal is kept next to the decision
    event = AuditEvent.objects.get(verb="evaluation.evaluation.rated")
    assert event.after["proposed_predikat"] == predikat
    assert (event.org_unit_id, event.subject_id) == (evaluation.unit_id, None)  # unpublished: not in her trail


def test_the_predikat_comes_from_the_years_own_matrix_not_the_code(evaluation_cast):
    year = evaluation_cast.year
    year.predikat_matrix = {**rules.PREDIKAT_MATRIX, Rating.MEETS: {**rules.PREDIKAT_MATRIX[Rating.MEETS]}}
    year.predikat_matrix[Rating.MEETS][Rating.ABOVE] = Predikat.SANGAT_BAIK
    year.save()
    evaluation = _rate(evaluation_cast, results_rating=Rating.MEETS, behaviour_rating=Rating.ABOVE)
    assert evaluation.proposed_predikat == Predikat.SANGAT_BAIK


def test_item_ratings_are_saved_per_rhk_and_foreign_rhk_are_refused(evaluation_cast):
    item = evaluation_cast.staff_items[0]
    _rate(evaluation_cast, item_ratings={item.pk: Rating.ABOVE})
    assert ItemAssessment.objects.get(item=item).penilai_rating == Rating.ABOVE
    with pytest.raises(ValidationError) as exc:
        _rate(evaluation_cast, item_ratings={evaluation_cast.colleague_items[0].pk: Rating.ABOVE})
    assert "item_ratings" in exc.value.message_dict


# --- Unit heads ---------------------------------------------------------------------------


def test_a_unit_heads_rating_is_refused_while_the_units_capaian_is_not_set(evaluation_cast):
    with pytest.raises(ValidationError) as exc:
        _rate(evaluation_cast, "supervisor", user="opd_head")
    message = exc.value.message_dict["results_rating"][0]
    assert "Bidang A1" in message
    assert "has not been set yet" in message
    assert evaluation_cast.evaluation("supervisor").status == EvaluationStatus.OPEN


def test_a_unit_heads_rating_hasil_kerja_is_forced_from_the_effective_org_rating(evaluation_cast):
    # Only Dinas A has a capaian: it is the effective one of Bidang A1 (nearest ancestor).
    OrganizationRatingFactory(unit=evaluation_cast.opd_a, period=evaluation_cast.period, predikat=OrgPredikat.BAIK)
    evaluation = _rate(evaluation_cast, "supervisor", user="opd_head", results_rating=Rating.ABOVE, results_reason="")
    assert evaluation.results_rating == rules.ORG_RESULTS_RATING[OrgPredikat.BAIK] == Rating.MEETS
    assert "Dinas A" in evaluation.results_reason  # the reason says where the rating comes from
    assert evaluation.proposed_predikat == Predikat.BAIK


def test_the_units_own_capaian_wins_over_its_ancestors(evaluation_cast):
    OrganizationRatingFactory(unit=evaluation_cast.opd_a, period=evaluation_cast.period, predikat=OrgPredikat.BAIK)
    OrganizationRatingFactory(
        unit=evaluation_cast.bidang_a1, period=evaluation_cast.period, predikat=OrgPredikat.ISTIMEWA
    )
    evaluation = _rate(evaluation_cast, "supervisor", user="opd_head", results_rating=Rating.BELOW)
    assert evaluation.results_rating == Rating.ABOVE
    assert evaluation.proposed_predikat == Predikat.SANGAT_BAIK


# --- Who, when, and concurrent edits --------------------------------------------------------


@pytest.mark.parametrize("name", ["staff", "colleague", "opd_head", "admin_bkpsdm", "admin_opd"])
def test_only_the_penilai_rates(evaluation_cast, name):
    with pytest.raises(PermissionDenied):
        _rate(evaluation_cast, user=name)
    assert evaluation_cast.evaluation("staff").status == EvaluationStatus.OPEN


def test_a_stale_lock_version_is_refused_and_changes_nothing(evaluation_cast):
    evaluation = evaluation_cast.evaluation("staff")
    stale = evaluation.lock_version
    _rate(evaluation_cast)
    with pytest.raises(StaleObject) as exc:
        _rate(evaluation_cast, behaviour_rating=Rating.BELOW, lock_version=stale)
    assert "Reload the page" in str(exc.value)
    assert evaluation_cast.evaluation("staff").behaviour_rating == Rating.ABOVE


def test_a_published_evaluation_cannot_be_rated_again(evaluation_cast):
    publish(rate(evaluation_cast.evaluation("staff"), Rating.MEETS, Rating.MEETS, evaluation_cast.user("supervisor")))
    with pytest.raises(InvalidState) as exc:
        _rate(evaluation_cast)
    assert "published" in str(exc.value)


def test_rating_again_keeps_a_calibrated_predikat(evaluation_cast):
    evaluation = _rate(evaluation_cast)
    Evaluation.objects.filter(pk=evaluation.pk).update(final_predikat=Predikat.BUTUH_PERBAIKAN)
    evaluation = _rate(evaluation_cast, results_rating=Rating.ABOVE, behaviour_rating=Rating.ABOVE)
    assert (evaluation.proposed_predikat, evaluation.final_predikat) == (Predikat.SANGAT_BAIK, Predikat.BUTUH_PERBAIKAN)


# --- Self-assessment ------------------------------------------------------------------------


def test_the_owner_writes_a_self_assessment_per_rhk_and_the_penilai_is_told(
    evaluation_cast, django_capture_on_commit_callbacks
):
    evaluation = evaluation_cast.evaluation("staff")
    item = evaluation_cast.staff_items[0]
    with django_capture_on_commit_callbacks(execute=True):
        services.self_assessment_save(
            actor=evaluation_cast.user("staff"), evaluation=evaluation, text="Target tercapai.",
            items={item.pk: "Laporan selesai tepat waktu."}, lock_version=evaluation.lock_version,
        )  # fmt: skip
    evaluation.refresh_from_db()
    assert evaluation.self_assessment == "Target tercapai." and evaluation.self_assessed_at is not None
    assert ItemAssessment.objects.get(evaluation=evaluation, item=item).self_assessment.startswith("Laporan")
    assert evaluation_cast.user("supervisor").notifications.filter(verb="evaluation.self_assessment.saved").exists()
    assert AuditEvent.objects.filter(verb="evaluation.self_assessment.saved").count() == 1


def test_the_penilai_cannot_write_the_employees_self_assessment(evaluation_cast):
    evaluation = evaluation_cast.evaluation("staff")
    with pytest.raises(PermissionDenied):
        services.self_assessment_save(
            actor=evaluation_cast.user("supervisor"), evaluation=evaluation, text="x", items={},
            lock_version=evaluation.lock_version,
        )  # fmt: skip


def test_a_self_assessment_of_another_skps_rhk_is_refused(evaluation_cast):
    evaluation = evaluation_cast.evaluation("staff")
    with pytest.raises(ValidationError) as exc:
        services.self_assessment_save(
            actor=evaluation_cast.user("staff"), evaluation=evaluation, text="",
            items={evaluation_cast.colleague_items[0].pk: "bukan milik saya"}, lock_version=evaluation.lock_version,
        )  # fmt: skip
    assert "items" in exc.value.message_dict
    assert not ItemAssessment.objects.exists()


# --- Opening ---------------------------------------------------------------------------------


def test_opening_evaluations_is_idempotent_and_copies_the_skp(evaluation_cast):
    Evaluation.objects.all().delete()
    plans = [evaluation_cast.staff_plan, evaluation_cast.kabid_plan, evaluation_cast.head_plan]
    assert services.evaluations_open(period=evaluation_cast.period, work_plans=plans) == 3
    assert services.evaluations_open(period=evaluation_cast.period, work_plans=plans) == 0
    head = Evaluation.objects.get(work_plan=evaluation_cast.head_plan)
    kabid = Evaluation.objects.get(work_plan=evaluation_cast.kabid_plan)
    alice = Evaluation.objects.get(work_plan=evaluation_cast.staff_plan)
    assert (head.is_unit_head, head.is_agency_head, head.agency) == (True, True, evaluation_cast.opd_a)
    assert (kabid.is_unit_head, kabid.is_agency_head, kabid.agency) == (True, False, evaluation_cast.opd_a)
    assert (alice.is_unit_head, alice.unit, alice.penilai) == (
        False,
        evaluation_cast.bidang_a1,
        evaluation_cast.employee("supervisor"),
    )


def test_evaluation_for_returns_the_existing_one_or_opens_it(evaluation_cast):
    existing = evaluation_cast.evaluation("staff")
    assert services.evaluation_for(work_plan=evaluation_cast.staff_plan, period=evaluation_cast.period) == existing
    existing.delete()
    opened = services.evaluation_for(work_plan=evaluation_cast.staff_plan, period=evaluation_cast.period)
    assert opened.pk != existing.pk and opened.status == EvaluationStatus.OPEN


# --- The owner's audit trail -------------------------------------------------------------------


def test_the_owner_cannot_read_the_rating_of_an_unpublished_evaluation_in_their_own_audit_trail(evaluation_cast):
    from kinerja.audit import selectors as audit_selectors
    from kinerja.audit.permissions import audit_events_visible_to

    cast = evaluation_cast
    _rate(cast)
    services.self_assessment_save(
        actor=cast.user("staff"), evaluation=cast.evaluation("staff"), text="Target tercapai.", items={},
        lock_version=cast.evaluation("staff").lock_version,
    )  # fmt: skip
    rated = AuditEvent.objects.get(verb="evaluation.evaluation.rated")
    alice = cast.user("staff")
    assert not audit_events_visible_to(alice).filter(pk=rated.pk).exists()
    trail = audit_selectors.employee_trail(alice, cast.employee("staff"))
    assert list(trail.values_list("verb", flat=True)) == ["evaluation.self_assessment.saved"]  # her own words only
    # HR and auditors in scope still read it, filed under her unit.
    assert rated.org_unit == cast.bidang_a1
    for name in ("admin_opd", "auditor"):
        assert audit_events_visible_to(cast.user(name)).filter(pk=rated.pk).exists()
