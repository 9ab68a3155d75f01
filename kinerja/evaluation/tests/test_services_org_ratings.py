"""Step 1: the capaian kinerja organisasi, set by the leadership above the unit, re-applied to rated unit heads."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from kinerja.audit.models import AuditEvent
from kinerja.evaluation import services
from kinerja.evaluation.choices import OrgPredikat, Predikat, Rating
from kinerja.evaluation.exceptions import InvalidState, StaleObject
from kinerja.evaluation.models import OrganizationRating
from kinerja.evaluation.tests.conftest import publish, rate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_messages():
    with translation.override("en"):
        yield


def _set(cast, unit, user="leader", predikat=OrgPredikat.BAIK, note="Capaian IKU sesuai target.", **kwargs):
    return services.org_rating_set(
        actor=cast.user(user), unit=unit, period=cast.period, predikat=predikat, note=note, **kwargs
    )


def test_the_pimpinan_daerah_sets_an_opds_capaian_with_the_signer_frozen_and_audited(evaluation_cast):
    rating = _set(evaluation_cast, evaluation_cast.opd_a)
    assert (rating.predikat, rating.set_by) == (OrgPredikat.BAIK, evaluation_cast.user("leader"))
    assert rating.signer["name"] == evaluation_cast.employee("leader").full_name
    event = AuditEvent.objects.get(verb="evaluation.org_rating.set")
    assert (event.org_unit, event.after["predikat"]) == (evaluation_cast.opd_a, OrgPredikat.BAIK)


def test_the_opd_head_sets_a_sub_units_capaian_but_not_their_own_opds(evaluation_cast):
    _set(evaluation_cast, evaluation_cast.bidang_a1, user="opd_head")
    assert OrganizationRating.objects.filter(unit=evaluation_cast.bidang_a1).exists()
    with pytest.raises(PermissionDenied):
        _set(evaluation_cast, evaluation_cast.opd_a, user="opd_head")


@pytest.mark.parametrize("field", ["predikat", "note"])
def test_a_capaian_needs_a_known_predikat_and_a_note(evaluation_cast, field):
    values = {"predikat": "hebat"} if field == "predikat" else {"note": " "}
    with pytest.raises(ValidationError) as exc:
        _set(evaluation_cast, evaluation_cast.opd_a, **values)
    assert field in exc.value.message_dict
    assert not OrganizationRating.objects.exists()


def test_changing_a_capaian_with_a_stale_version_is_refused(evaluation_cast):
    rating = _set(evaluation_cast, evaluation_cast.opd_a)
    stale = rating.lock_version
    _set(evaluation_cast, evaluation_cast.opd_a, predikat=OrgPredikat.ISTIMEWA, lock_version=stale)
    with pytest.raises(StaleObject):
        _set(evaluation_cast, evaluation_cast.opd_a, predikat=OrgPredikat.KURANG, lock_version=stale)
    assert OrganizationRating.objects.get().predikat == OrgPredikat.ISTIMEWA


def test_a_changed_capaian_is_re_applied_to_the_rated_unit_heads_below(evaluation_cast):
    _set(evaluation_cast, evaluation_cast.opd_a, predikat=OrgPredikat.BAIK)
    sam = rate(evaluation_cast.evaluation("supervisor"), Rating.MEETS, Rating.ABOVE, evaluation_cast.user("opd_head"))
    rating = OrganizationRating.objects.get()
    _set(evaluation_cast, evaluation_cast.opd_a, predikat=OrgPredikat.ISTIMEWA, lock_version=rating.lock_version)
    sam.refresh_from_db()
    assert (sam.results_rating, sam.proposed_predikat) == (Rating.ABOVE, Predikat.SANGAT_BAIK)
    # Filed under sam's unit, about nobody: sam must not read his unpublished rating in his own audit trail.
    event = AuditEvent.objects.get(verb="evaluation.evaluation.results_from_org_rating")
    assert (event.org_unit, event.subject) == (sam.unit, None)


def test_a_capaian_cannot_change_once_results_below_it_are_published(evaluation_cast):
    rating = _set(evaluation_cast, evaluation_cast.opd_a)
    publish(rate(evaluation_cast.evaluation("staff"), Rating.MEETS, Rating.MEETS, evaluation_cast.user("supervisor")))
    with pytest.raises(InvalidState) as exc:
        _set(evaluation_cast, evaluation_cast.opd_a, predikat=OrgPredikat.KURANG, lock_version=rating.lock_version)
    assert "already published" in str(exc.value)


def test_a_first_capaian_set_at_the_same_moment_as_another_becomes_a_correction(evaluation_cast, monkeypatch):
    from kinerja.evaluation.services import org_ratings

    first = _set(evaluation_cast, evaluation_cast.opd_a)
    # The other request looked before the first was saved: it saw no rating and tries to create one.
    monkeypatch.setattr(org_ratings, "_existing", lambda unit, period: None)
    second = _set(evaluation_cast, evaluation_cast.opd_a, predikat=OrgPredikat.ISTIMEWA)
    assert second.pk == first.pk
    assert OrganizationRating.objects.get().predikat == OrgPredikat.ISTIMEWA
    assert AuditEvent.objects.filter(verb="evaluation.org_rating.changed").count() == 1


def test_the_opds_forum_row_is_locked_before_the_published_check(evaluation_cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kinerja.evaluation.tests.factories import CalibrationForumFactory

    CalibrationForumFactory(agency=evaluation_cast.opd_a, period=evaluation_cast.period)
    with CaptureQueriesContext(connection) as queries:
        _set(evaluation_cast, evaluation_cast.bidang_a1, user="opd_head")  # a sub-unit: its OPD's forum
    sql = [q["sql"] for q in queries.captured_queries]
    forum = next(i for i, text in enumerate(sql) if 'FROM "evaluation_calibrationforum"' in text)
    published = next(i for i, text in enumerate(sql) if 'FROM "evaluation_evaluation"' in text)
    assert forum < published
    if connection.features.has_select_for_update:
        assert "FOR UPDATE" in sql[forum]
