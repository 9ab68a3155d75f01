"""Who sees and does what in evaluation, asked of the whole cast: "can X decide Alice's keberatan?" and so on.

Each test asks every cast member the same question and compares the whole answer, so a rule that lets one
more person in fails as loudly as one that shuts the right person out.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from kinerja.accounts.choices import Role
from kinerja.accounts.models import User
from kinerja.accounts.tests.factories import RoleGrantFactory
from kinerja.evaluation import permissions
from kinerja.evaluation.choices import ForumStatus, ObjectionStatus, Rating
from kinerja.evaluation.tests.conftest import EvaluationCast, publish, rate
from kinerja.evaluation.tests.factories import (
    CalibrationForumFactory,
    DocumentBatchFactory,
    ObjectionAttachmentFactory,
    ObjectionFactory,
    OrganizationRatingFactory,
)
from kinerja.organization import selectors as org_selectors
from kinerja.organization.choices import AssignmentKind, UnitKind
from kinerja.organization.models import Assignment
from kinerja.organization.tests.factories import AssignmentFactory, EmployeeFactory, OrgUnitFactory, PositionFactory

pytestmark = pytest.mark.django_db

NAMES = (
    "staff", "colleague", "supervisor", "opd_head", "other_staff", "other_head",
    "admin_opd", "admin_bkpsdm", "auditor", "leader",
)  # fmt: skip


def ask(cast: EvaluationCast, question: Any, *args: Any) -> set[str]:
    """The cast members for whom ``question(user, *args)`` is true."""
    return {name for name in NAMES if question(cast.user(name), *args)}


def fresh(user: User) -> User:
    """The same login without the memoised Actor (after the organisation changed)."""
    return User.objects.get(pk=user.pk)


def published(cast: EvaluationCast, name: str) -> Any:
    ev = cast.evaluation(name)
    rate(ev, Rating.MEETS, Rating.MEETS, cast.user("supervisor"))
    return publish(ev)


# --- Seeing evaluations ------------------------------------------------------------------------

SCOPED = {"admin_opd", "admin_bkpsdm", "auditor", "leader"}


@pytest.mark.parametrize(
    ("owner", "seen_by"),
    [
        ("staff", {"staff", "supervisor", "opd_head"} | SCOPED),
        ("colleague", {"colleague", "supervisor", "opd_head"} | SCOPED),
        ("supervisor", {"supervisor", "opd_head"} | SCOPED),
        ("opd_head", {"opd_head"} | SCOPED),
    ],
)
def test_an_evaluation_is_seen_by_whoever_sees_its_skp(evaluation_cast, owner, seen_by):
    ev = evaluation_cast.evaluations[owner]
    visible = ask(evaluation_cast, lambda user: permissions.evaluations_visible_to(user).filter(pk=ev.pk).exists())
    assert visible == seen_by
    for name in NAMES:
        user = evaluation_cast.user(name)
        if name in seen_by:
            assert permissions.get_evaluation_for_user_or_404(user, ev.pk) == ev
        else:
            with pytest.raises(Http404):
                permissions.get_evaluation_for_user_or_404(user, ev.pk)


def test_anonymous_users_see_nothing(evaluation_cast):
    anonymous = AnonymousUser()
    ev = evaluation_cast.evaluations["staff"]
    assert not permissions.evaluations_visible_to(anonymous).exists()
    assert not permissions.org_ratings_visible_to(anonymous).exists()
    assert not permissions.acts_as_atasan_penilai(anonymous, ev)
    assert not permissions.can_view_forum(anonymous, evaluation_cast.opd_a)
    with pytest.raises(Http404):
        permissions.get_evaluation_for_user_or_404(anonymous, ev.pk)


def test_a_malformed_id_is_not_found(evaluation_cast):
    with pytest.raises(Http404):
        permissions.get_evaluation_for_user_or_404(evaluation_cast.user("admin_bkpsdm"), "abc")


def test_the_owner_sees_the_result_only_once_published(evaluation_cast):
    ev = evaluation_cast.evaluation("staff")
    rate(ev, Rating.ABOVE, Rating.MEETS, evaluation_cast.user("supervisor"))
    before = ask(evaluation_cast, permissions.can_view_result, ev)
    assert before == {"supervisor", "opd_head"} | SCOPED
    publish(ev)
    assert ask(evaluation_cast, permissions.can_view_result, ev) == before | {"staff"}


# --- Penilai and atasan penilai ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("owner", "atasan"),
    [
        ("staff", {"opd_head"}),  # alice: penilai sam, atasan hana
        ("colleague", {"opd_head"}),
        # sam: penilai hana, who reports to nobody in the tree, so the Pimpinan daerah is the atasan.
        ("supervisor", {"leader"}),
        # hana: rated by the Wali Kota, who is also her atasan (regulation.md §2, JPT Pratama).
        ("opd_head", {"leader"}),
    ],
)
def test_the_atasan_pejabat_penilai_is_who_the_snapshot_says(evaluation_cast, owner, atasan):
    assert ask(evaluation_cast, permissions.acts_as_atasan_penilai, evaluation_cast.evaluations[owner]) == atasan


@pytest.mark.parametrize(
    ("owner", "penilai"),
    [("staff", {"supervisor"}), ("supervisor", {"opd_head"}), ("opd_head", {"leader"})],
)
def test_only_the_penilai_rates(evaluation_cast, owner, penilai):
    ev = evaluation_cast.evaluations[owner]
    assert ask(evaluation_cast, permissions.acts_as_penilai, ev) == penilai
    assert ask(evaluation_cast, permissions.can_rate, ev) == penilai


def test_nobody_rates_a_published_evaluation_or_one_whose_forum_is_locked(evaluation_cast):
    cast = evaluation_cast
    CalibrationForumFactory(agency=cast.opd_a, period=cast.period, status=ForumStatus.LOCKED)
    assert ask(cast, permissions.can_rate, cast.evaluations["staff"]) == set()
    assert ask(cast, permissions.can_self_assess, cast.evaluations["staff"]) == set()
    # The OPD head is not in her own OPD's forum: its lock does not close her evaluation.
    assert ask(cast, permissions.can_rate, cast.evaluations["opd_head"]) == {"leader"}
    carol = published(cast, "colleague")
    assert ask(cast, permissions.can_rate, carol) == set()


def test_nobody_rates_in_a_period_locked_by_city_publication(evaluation_cast):
    cast = evaluation_cast
    cast.period.locked_at = dt.datetime(2026, 4, 1, tzinfo=dt.UTC)
    cast.period.save()
    assert ask(cast, permissions.can_rate, cast.evaluation("opd_head")) == set()


def test_only_the_owner_writes_the_self_assessment_until_publication(evaluation_cast):
    cast = evaluation_cast
    ev = cast.evaluation("staff")
    assert ask(cast, permissions.can_self_assess, ev) == {"staff"}
    rate(ev, Rating.MEETS, Rating.MEETS, cast.user("supervisor"))
    assert ask(cast, permissions.can_self_assess, ev) == {"staff"}
    publish(ev)
    assert ask(cast, permissions.can_self_assess, ev) == set()


def _replace_hana_with(cast: EvaluationCast, kind: str, *, hana_leaves: bool) -> User:
    """Someone new holds Kepala Dinas A today (Plt/Plh or definitive); hana may have left it."""
    today = org_selectors.today()
    if hana_leaves:
        Assignment.objects.filter(employee=cast.employee("opd_head")).update(end_date=today - dt.timedelta(days=1))
    ida = EmployeeFactory(name="Ida")
    AssignmentFactory(employee=ida, position=cast.positions["head_a"], kind=kind, start_date=today)
    return User.objects.create(username="ida", employee=ida)


def test_only_the_new_holder_of_the_atasans_post_decides_once_the_snapshot_atasan_left(evaluation_cast):
    cast = evaluation_cast
    ida = _replace_hana_with(cast, AssignmentKind.PLT, hana_leaves=True)
    ev = cast.evaluation("staff")
    assert permissions.acts_as_atasan_penilai(ida, ev)
    # One person decides, as for the penilai: hana left the post, so she no longer decides next to ida.
    assert not permissions.acts_as_atasan_penilai(fresh(cast.user("opd_head")), ev)
    assert not permissions.acts_as_atasan_penilai(fresh(cast.user("supervisor")), ev)
    assert [u.pk for u in permissions.atasan_penilai_users(ev)] == [ida.pk]


def test_a_plh_does_not_decide_while_the_snapshot_atasan_still_holds_the_post(evaluation_cast):
    cast = evaluation_cast
    ida = _replace_hana_with(cast, AssignmentKind.PLH, hana_leaves=False)
    assert not permissions.acts_as_atasan_penilai(ida, cast.evaluation("staff"))


def test_the_pimpinan_daerah_who_rated_does_not_decide_the_keberatan_another_leader_does(evaluation_cast):
    cast = evaluation_cast
    ev = rate(cast.evaluation("opd_head"), Rating.MEETS, Rating.MEETS, cast.user("leader"))  # rated by the Wali Kota
    assert not permissions.acts_as_atasan_penilai(fresh(cast.user("leader")), ev)
    wakil = User.objects.create(username="wakil", employee=EmployeeFactory(name="Wakil"))
    RoleGrantFactory(user=wakil, role=Role.REGIONAL_LEADER, scope=cast.root)
    assert permissions.acts_as_atasan_penilai(fresh(wakil), ev)
    assert [u.pk for u in permissions.atasan_penilai_users(ev)] == [wakil.pk]


def test_whoever_acts_as_penilai_today_never_decides_the_keberatan(evaluation_cast):
    cast = evaluation_cast
    # sam's penilai is hana; even with the Pimpinan daerah role she does not decide on her own rating.
    RoleGrantFactory(user=cast.user("opd_head"), role=Role.REGIONAL_LEADER, scope=cast.root)
    ev = rate(cast.evaluation("supervisor"), Rating.MEETS, Rating.MEETS, cast.user("opd_head"))
    assert not permissions.acts_as_atasan_penilai(fresh(cast.user("opd_head")), ev)
    assert permissions.acts_as_atasan_penilai(fresh(cast.user("leader")), ev)
    assert [u.pk for u in permissions.atasan_penilai_users(ev)] == [cast.user("leader").pk]


def test_the_owner_is_never_their_own_atasan(evaluation_cast):
    cast = evaluation_cast
    ev = cast.evaluation("opd_head")
    # Even with the Pimpinan daerah role over her own OPD, hana does not decide her own keberatan.
    RoleGrantFactory(user=cast.user("opd_head"), role=Role.REGIONAL_LEADER, scope=cast.root)
    assert not permissions.acts_as_atasan_penilai(fresh(cast.user("opd_head")), ev)


# --- Keberatan ---------------------------------------------------------------------------------


def test_only_the_owner_files_a_keberatan_once_published_and_only_once(evaluation_cast):
    cast = evaluation_cast
    ev = cast.evaluation("staff")
    assert ask(cast, permissions.can_file_objection, ev) == set()
    ev = published(cast, "staff")
    assert ask(cast, permissions.can_file_objection, ev) == {"staff"}
    ObjectionFactory(evaluation=ev)
    assert ask(cast, permissions.can_file_objection, ev) == set()


def test_nobody_but_the_atasan_pejabat_penilai_decides_alices_keberatan(evaluation_cast):
    cast = evaluation_cast
    objection = ObjectionFactory(evaluation=published(cast, "staff"))
    assert ask(cast, permissions.can_explain_objection, objection) == {"supervisor"}
    assert ask(cast, permissions.can_decide_objection, objection) == {"opd_head"}
    objection.status = ObjectionStatus.EXPLAINED
    objection.save()
    assert ask(cast, permissions.can_explain_objection, objection) == set()
    assert ask(cast, permissions.can_decide_objection, objection) == {"opd_head"}
    objection.status = ObjectionStatus.DECIDED
    objection.save()
    assert ask(cast, permissions.can_decide_objection, objection) == set()


def test_sams_keberatan_is_decided_by_the_pimpinan_daerah_not_by_his_penilai(evaluation_cast):
    cast = evaluation_cast
    objection = ObjectionFactory(evaluation=published(cast, "supervisor"))
    assert ask(cast, permissions.can_explain_objection, objection) == {"opd_head"}
    assert ask(cast, permissions.can_decide_objection, objection) == {"leader"}


def test_a_keberatan_and_its_attachments_are_seen_with_the_evaluation(evaluation_cast):
    cast = evaluation_cast
    objection = ObjectionFactory(evaluation=published(cast, "staff"))
    attachment = ObjectionAttachmentFactory(objection=objection)
    seen = {"staff", "supervisor", "opd_head"} | SCOPED
    assert ask(cast, lambda u: permissions.objections_visible_to(u).filter(pk=objection.pk).exists()) == seen
    for name in NAMES:
        user = cast.user(name)
        if name in seen:
            assert permissions.get_objection_for_user_or_404(user, objection.pk) == objection
            assert permissions.get_objection_attachment_for_user_or_404(user, attachment.pk) == attachment
        else:
            with pytest.raises(Http404):
                permissions.get_objection_for_user_or_404(user, objection.pk)
            with pytest.raises(Http404):
                permissions.get_objection_attachment_for_user_or_404(user, attachment.pk)


# --- Capaian kinerja organisasi ---------------------------------------------------------------


def test_org_ratings_are_public_to_every_logged_in_user(evaluation_cast):
    rating = OrganizationRatingFactory(unit=evaluation_cast.opd_b, period=evaluation_cast.period)
    assert ask(evaluation_cast, lambda u: permissions.get_org_rating_for_user_or_404(u, rating.pk) == rating) == set(
        NAMES
    )


@pytest.mark.parametrize(
    ("unit", "setters"),
    [
        ("bidang_a1", {"opd_head"}),  # inside an OPD: the holder of the post the unit head reports to
        ("opd_a", {"leader"}),  # an OPD: the Pimpinan daerah
        ("opd_b", {"leader"}),
        ("root", set()),  # the whole government's result is not set here
    ],
)
def test_the_leadership_above_a_unit_sets_its_capaian(evaluation_cast, unit, setters):
    assert ask(evaluation_cast, permissions.can_set_org_rating, getattr(evaluation_cast, unit)) == setters


def test_units_rateable_by_each_person(evaluation_cast):
    cast = evaluation_cast
    rateable = {name: set(permissions.units_rateable_by(cast.user(name))) for name in NAMES}
    assert rateable["opd_head"] == {cast.bidang_a1}
    assert rateable["leader"] == {cast.opd_a, cast.opd_b}
    assert all(not units for name, units in rateable.items() if name not in ("opd_head", "leader"))


def test_a_vacant_post_passes_the_org_rating_up_the_line(evaluation_cast):
    cast = evaluation_cast
    seksi = OrgUnitFactory(code="OPD-A-1-1", name="Seksi A1.1", kind=UnitKind.SECTION, parent=cast.bidang_a1)
    PositionFactory(name="Kepala Seksi A1.1", unit=seksi, is_unit_head=True, reports_to=cast.positions["kabid"])
    assert ask(cast, permissions.can_set_org_rating, seksi) == {"supervisor"}
    Assignment.objects.filter(employee=cast.employee("supervisor")).update(
        end_date=org_selectors.today() - dt.timedelta(days=1)
    )
    users = {name: fresh(cast.user(name)) for name in NAMES}
    assert {name for name, user in users.items() if permissions.can_set_org_rating(user, seksi)} == {"opd_head"}


# --- Calibration forum, publication, documents ------------------------------------------------


def test_the_forum_of_an_opd_is_for_its_head_and_the_scoped_roles(evaluation_cast):
    cast = evaluation_cast
    agency = cast.opd_a
    assert ask(cast, permissions.can_view_forum, agency) == {"opd_head"} | SCOPED
    assert ask(cast, permissions.can_manage_forum, agency) == {"opd_head", "admin_opd", "admin_bkpsdm"}
    assert ask(cast, permissions.can_lock_forum, agency) == {"opd_head", "admin_bkpsdm"}
    assert ask(cast, permissions.can_generate_documents, agency) == {"opd_head"} | SCOPED
    assert ask(cast, permissions.can_view_forum, cast.opd_b) == {"other_head", "admin_bkpsdm", "auditor", "leader"}


def test_forum_agencies_and_fetching_a_forum(evaluation_cast):
    cast = evaluation_cast
    forum = CalibrationForumFactory(agency=cast.opd_a, period=cast.period)
    agencies = {name: set(permissions.forum_agencies_for(cast.user(name))) for name in NAMES}
    assert agencies["opd_head"] == {cast.opd_a}
    assert agencies["other_head"] == {cast.opd_b}
    assert agencies["admin_opd"] == {cast.opd_a}
    assert agencies["admin_bkpsdm"] == agencies["leader"] == {cast.opd_a, cast.opd_b}
    assert agencies["supervisor"] == agencies["staff"] == set()  # a kabid heads a unit, not an OPD
    for name in NAMES:
        if cast.opd_a in agencies[name]:
            assert permissions.get_forum_for_user_or_404(cast.user(name), forum.pk) == forum
        else:
            with pytest.raises(Http404):
                permissions.get_forum_for_user_or_404(cast.user(name), forum.pk)


def test_only_admin_bkpsdm_publishes_a_period_citywide(evaluation_cast):
    assert ask(evaluation_cast, lambda user: permissions.can_publish_period(user)) == {"admin_bkpsdm"}


def test_document_batches_are_seen_with_the_forum(evaluation_cast):
    cast = evaluation_cast
    batch = DocumentBatchFactory(agency=cast.opd_a, period=cast.period)
    seen = {"opd_head"} | SCOPED
    assert ask(cast, lambda u: permissions.batches_visible_to(u).filter(pk=batch.pk).exists()) == seen
    with pytest.raises(Http404):
        permissions.get_batch_for_user_or_404(cast.user("other_head"), batch.pk)
    assert permissions.get_batch_for_user_or_404(cast.user("admin_opd"), batch.pk) == batch
