"""Who sees and does what in monitoring, asked of the whole cast: "can X see Alice's evidence?" and so on."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from kinerja.monitoring import permissions, services
from kinerja.monitoring.choices import DialogueKind
from kinerja.monitoring.tests.factories import AppreciationFactory, FeedbackFactory, ProgressEntryFactory
from kinerja.monitoring.tests.helpers import upload
from kinerja.organization import selectors as org_selectors

pytestmark = pytest.mark.django_db

# Alice's records follow her SKP: herself, her penilai (sam) and atasan (hana), and the scoped roles.
SEES_ALICES_RECORDS = {
    "staff": True,
    "supervisor": True,
    "opd_head": True,
    "admin_opd": True,
    "admin_bkpsdm": True,
    "auditor": True,
    "leader": True,
    "colleague": False,
    "other_staff": False,
    "other_head": False,
}


@pytest.fixture
def alices_evidence(monitoring_cast):
    entry = ProgressEntryFactory(item=monitoring_cast.staff_items[0])
    return services.evidence_attach(
        actor=monitoring_cast.user("staff"), owner=entry.employee, upload=upload(), progress_entry=entry
    )


@pytest.mark.parametrize(("name", "sees"), SEES_ALICES_RECORDS.items())
def test_alices_evidence_is_downloadable_only_by_those_who_see_her_skp(monitoring_cast, alices_evidence, name, sees):
    user = monitoring_cast.user(name)
    assert permissions.evidence_visible_to(user).filter(pk=alices_evidence.pk).exists() is sees
    if sees:
        assert permissions.get_evidence_for_user_or_404(user, alices_evidence.pk) == alices_evidence
    else:
        with pytest.raises(Http404):
            permissions.get_evidence_for_user_or_404(user, alices_evidence.pk)


@pytest.mark.parametrize(("name", "sees"), SEES_ALICES_RECORDS.items())
def test_alices_progress_realisasi_and_feedback_follow_her_skp(monitoring_cast, name, sees):
    entry = ProgressEntryFactory(item=monitoring_cast.staff_items[0])
    realization = services.realization_set(
        actor=monitoring_cast.user("staff"), indicator=monitoring_cast.staff_indicators[0],
        period=monitoring_cast.period, value=3,
    )  # fmt: skip
    feedback = FeedbackFactory(
        work_plan=monitoring_cast.staff_plan,
        item=monitoring_cast.staff_items[0],
        author=monitoring_cast.user("supervisor"),
    )
    user = monitoring_cast.user(name)
    assert permissions.progress_visible_to(user).filter(pk=entry.pk).exists() is sees
    assert permissions.realizations_visible_to(user).filter(pk=realization.pk).exists() is sees
    assert permissions.feedback_visible_to(user).filter(pk=feedback.pk).exists() is sees


def test_a_guessed_or_malformed_evidence_id_is_a_404(monitoring_cast, alices_evidence):
    for pk in (alices_evidence.pk + 1000, "abc", None):
        with pytest.raises(Http404):
            permissions.get_evidence_for_user_or_404(monitoring_cast.user("staff"), pk)
    with pytest.raises(Http404):
        permissions.get_evidence_for_user_or_404(AnonymousUser(), alices_evidence.pk)


ACTS = ["staff", "colleague", "supervisor", "opd_head", "admin_opd", "admin_bkpsdm", "auditor", "other_head"]


@pytest.mark.parametrize(
    ("check", "allowed"),
    [
        ("add_progress", {"staff"}),
        ("acknowledge", {"supervisor"}),
        ("set_realization", {"staff"}),
        ("give_feedback", {"supervisor"}),
        ("record_dialogue", {"supervisor", "opd_head", "admin_opd", "admin_bkpsdm"}),
        ("appreciate", {"colleague", "supervisor", "opd_head", "admin_opd"}),
    ],
)
def test_who_may_act_on_alices_records(monitoring_cast, check, allowed):
    item = monitoring_cast.staff_items[0]
    entry = ProgressEntryFactory(item=item)
    alice = monitoring_cast.employee("staff")
    checks = {
        "add_progress": lambda u: permissions.can_add_progress(u, item),
        "acknowledge": lambda u: permissions.can_acknowledge_progress(u, entry),
        "set_realization": lambda u: permissions.can_set_realization(
            u, monitoring_cast.staff_indicators[0], monitoring_cast.period
        ),
        "give_feedback": lambda u: permissions.can_give_feedback(u, monitoring_cast.staff_plan),
        "record_dialogue": lambda u: permissions.can_record_dialogue(u, alice),
        "appreciate": lambda u: permissions.can_appreciate(u, alice),
    }
    granted = {name for name in ACTS if checks[check](monitoring_cast.user(name))}
    assert granted == allowed
    assert checks[check](AnonymousUser()) is False


def test_dialogues_are_seen_by_the_people_in_them_and_those_who_see_the_employees_skp(monitoring_cast):
    dialogue = services.dialogue_record(
        actor=monitoring_cast.user("supervisor"), employee=monitoring_cast.employee("staff"),
        kind=DialogueKind.PERFORMANCE_DIALOGUE, held_on=org_selectors.today(), topics="x",
        participants=[monitoring_cast.employee("colleague")],
    )  # fmt: skip
    seen = {
        name
        for name in SEES_ALICES_RECORDS
        if permissions.dialogues_visible_to(monitoring_cast.user(name)).filter(pk=dialogue.pk).exists()
    }
    assert seen == {name for name, sees in SEES_ALICES_RECORDS.items() if sees} | {"colleague"}


def test_appreciation_is_public_in_the_recipients_agency_and_to_scoped_roles(monitoring_cast):
    appreciation = AppreciationFactory(
        recipient=monitoring_cast.employee("staff"), author=monitoring_cast.user("colleague"),
        unit=monitoring_cast.bidang_a1,
    )  # fmt: skip
    seen = {
        name
        for name in SEES_ALICES_RECORDS
        if permissions.appreciations_visible_to(monitoring_cast.user(name)).filter(pk=appreciation.pk).exists()
    }
    assert seen == {"staff", "colleague", "supervisor", "opd_head", "admin_opd", "admin_bkpsdm", "auditor", "leader"}
