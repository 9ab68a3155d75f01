"""The planning pages over HTTP: the whole SKP cycle as pegawai and penilai, bad input, and who sees what."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from kinerja.notifications.models import Notification
from kinerja.planning import selectors
from kinerja.planning.choices import ItemKind, WorkPlanStatus
from kinerja.planning.models import Indicator, OrganizationGoal, PerformanceYear, PlanItem, WorkPlan
from kinerja.planning.tests.conftest import PlanningCast

HTMX = {"HTTP_HX_REQUEST": "true"}


def client_for(cast: PlanningCast, name: str) -> Client:
    client = Client()
    client.force_login(cast.user(name))
    # Pages are Indonesian by default; these tests read the English msgids.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def start_from_distribution(cast: PlanningCast, client: Client) -> WorkPlan:
    response = client.post(reverse("planning:plan-start"), {"approach": "kuantitatif", "source": "distribution"})
    plan = cast.plan_of("staff")
    assert plan is not None
    assert response.status_code == 302
    assert response["Location"] == reverse("planning:plan-detail", args=[plan.pk])
    return plan


def add_indicator(client: Client, item: PlanItem, text: str = "Jumlah layanan", target: str = "12") -> None:
    response = client.post(
        reverse("planning:indicator-add", args=[item.pk]),
        {"aspect": "kuantitas", "text": text, "target_min": target, "target_unit": "laporan"},
        **HTMX,
    )
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#plan-body"


# --- The whole cycle -------------------------------------------------------------------------


def test_pegawai_and_penilai_take_an_skp_from_distribution_to_approval(
    planning_cast: PlanningCast, django_capture_on_commit_callbacks: Any
) -> None:
    cast = planning_cast
    alice = client_for(cast, "staff")

    # My SKP offers to start from the two RHK Sam handed to Alice.
    page = alice.get(reverse("planning:my-plans"))
    assert page.status_code == 200
    assert page.context["can_start"] is True
    assert page.context["distributed_count"] == 2
    assert "SKP drafting closes on" in page.content.decode()

    plan = start_from_distribution(cast, alice)
    items = list(plan.items.order_by("pk"))
    assert [item.supported_item_id for item in items] == [i.pk for i in cast.kabid_items[:1] + cast.kabid_items[1:]]
    assert items[1].text == "Tersusunnya bahan laporan kinerja Bidang A1"

    # A main RHK of her own, linked to Sam's RHK, added inline with htmx; the form loads as a partial.
    form = alice.get(reverse("planning:item-add", args=[plan.pk]) + "?kind=utama", **HTMX)
    assert form.status_code == 200
    assert "planning/_item_form.html" in [t.name for t in form.templates]
    response = alice.post(
        reverse("planning:item-add", args=[plan.pk]),
        {"kind": "utama", "text": "Terlayaninya permohonan izin", "supported_item": cast.kabid_items[0].pk},
        **HTMX,
    )
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#plan-body"
    assert "Terlayaninya permohonan izin" in response.content.decode()
    for item in plan.items.all():
        add_indicator(alice, item)

    # Submit: the penilai now has it in the queue.
    response = alice.post(reverse("planning:plan-submit", args=[plan.pk]))
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == WorkPlanStatus.SUBMITTED
    sam = client_for(cast, "supervisor")
    queue = sam.get(reverse("planning:review-queue"))
    assert [p.pk for p in queue.context["page_obj"]] == [plan.pk]

    # Return without a note: refused next to the field, nothing changes; with a note it goes back.
    response = sam.post(reverse("planning:plan-return", args=[plan.pk]), {"note": ""})
    assert response.status_code == 200
    assert response.context["return_form"].errors["note"]
    plan.refresh_from_db()
    assert plan.status == WorkPlanStatus.SUBMITTED
    with django_capture_on_commit_callbacks(execute=True):
        response = sam.post(reverse("planning:plan-return", args=[plan.pk]), {"note": "Target waktu belum ada."})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == WorkPlanStatus.RETURNED

    # Alice reads the note, adds the missing indicator and submits again.
    detail = alice.get(reverse("planning:plan-detail", args=[plan.pk]))
    assert "Target waktu belum ada." in detail.content.decode()
    assert detail.context["can_edit"] is True
    first = plan.items.order_by("pk").first()
    assert first is not None
    response = alice.post(
        reverse("planning:indicator-add", args=[first.pk]),
        {"aspect": "waktu", "text": "Waktu penyelesaian", "target_min": "12", "target_unit": "bulan"},
    )
    assert response.status_code == 302  # without htmx: back to the SKP page
    alice.post(reverse("planning:plan-submit", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.status == WorkPlanStatus.SUBMITTED

    # Sam sets an ekspektasi khusus and approves; version 1 is frozen and readable.
    value = plan.behaviour_expectations.order_by("value__order").first().value
    sam.post(
        reverse("planning:expectation-set", args=[plan.pk, value.pk]), {"special_expectation": "Ramah kepada pemohon"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = sam.post(reverse("planning:plan-approve", args=[plan.pk]))
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == WorkPlanStatus.APPROVED
    version = alice.get(reverse("planning:plan-version", args=[plan.pk, 1]))
    assert version.status_code == 200
    body = version.content.decode()
    assert "Terlayaninya permohonan izin" in body
    assert "Ramah kepada pemohon" in body
    assert "Target waktu belum ada." in body

    # The workflow history on the page names every step with its note.
    detail = alice.get(reverse("planning:plan-detail", args=[plan.pk]))
    statuses = [(e.from_status, e.to_status) for e in detail.context["events"]]
    assert statuses == [
        ("draft", "submitted"),
        ("submitted", "returned"),
        ("returned", "submitted"),
        ("submitted", "approved"),
    ]
    assert detail.context["can_edit"] is False
    assert detail.context["can_revise"] is True

    # Alice was told about the return and the approval: the bell counts them, the list shows them.
    assert Notification.objects.filter(recipient=cast.user("staff")).count() == 2
    assert 'data-testid="unread-count">2<' in detail.content.decode()


def test_an_approved_skp_changes_only_through_a_revision_with_a_reason(planning_cast: PlanningCast) -> None:
    cast = planning_cast
    sam = client_for(cast, "supervisor")
    plan = cast.kabid_plan
    response = sam.post(reverse("planning:plan-revise", args=[plan.pk]), {"reason": ""})
    assert response.status_code == 200
    assert response.context["revise_form"].errors["reason"]
    plan.refresh_from_db()
    assert (plan.status, plan.version) == (WorkPlanStatus.APPROVED, 1)
    sam.post(reverse("planning:plan-revise", args=[plan.pk]), {"reason": "Tugas tambahan dari Kepala Dinas"})
    plan.refresh_from_db()
    assert (plan.status, plan.version) == (WorkPlanStatus.DRAFT, 2)
    # Version 1 stays readable.
    assert sam.get(reverse("planning:plan-version", args=[plan.pk, 1])).status_code == 200


# --- Bad input ------------------------------------------------------------------------------


def test_a_target_that_is_not_a_number_is_refused_next_to_the_field(planning_cast: PlanningCast) -> None:
    cast = planning_cast
    alice = client_for(cast, "staff")
    plan = start_from_distribution(cast, alice)
    item = plan.items.first()
    response = alice.post(
        reverse("planning:indicator-add", args=[item.pk]),
        {"aspect": "kuantitas", "text": "Jumlah laporan", "target_min": "abc", "target_unit": "laporan"},
        **HTMX,
    )
    assert response.status_code == 200
    assert "HX-Retarget" not in response
    assert "Target: enter a number" in response.context["form"].errors["target_min"][0]
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Indicator.objects.filter(item__work_plan=plan).exists()


def test_a_main_rhk_without_the_supervisors_rhk_is_refused_and_nothing_is_saved(planning_cast: PlanningCast) -> None:
    cast = planning_cast
    alice = client_for(cast, "staff")
    plan = start_from_distribution(cast, alice)
    before = plan.items.count()
    response = alice.post(
        reverse("planning:item-add", args=[plan.pk]), {"kind": ItemKind.MAIN, "text": "RHK tanpa induk"}, **HTMX
    )
    assert response.status_code == 200
    assert response.context["form"].errors["supported_item"]
    assert plan.items.count() == before


def test_a_submit_after_the_drafting_deadline_says_when_it_closed(planning_cast: PlanningCast) -> None:
    cast = planning_cast
    alice = client_for(cast, "staff")
    plan = start_from_distribution(cast, alice)
    for item in plan.items.all():
        add_indicator(alice, item)
    PerformanceYear.objects.filter(pk=cast.year.pk).update(skp_draft_deadline=dt.date(cast.year.year, 1, 1))
    response = alice.post(reverse("planning:plan-submit", args=[plan.pk]), follow=True)
    plan.refresh_from_db()
    assert plan.status == WorkPlanStatus.DRAFT
    messages = [str(m) for m in response.context["messages"]]
    assert messages and str(cast.year.year) in messages[0]
    assert "closed on" in response.content.decode()


# --- Who sees what ------------------------------------------------------------------------------


def test_staff_of_another_opd_gets_404_on_an_skp_and_its_parts(planning_cast: PlanningCast) -> None:
    cast = planning_cast
    bob = client_for(cast, "other_staff")
    plan = cast.kabid_plan
    item = cast.kabid_items[0]
    assert bob.get(reverse("planning:plan-detail", args=[plan.pk])).status_code == 404
    assert bob.get(reverse("planning:item-edit", args=[item.pk])).status_code == 404
    assert bob.post(reverse("planning:plan-approve", args=[plan.pk])).status_code == 404
    assert bob.get(reverse("planning:plan-version", args=[plan.pk, 1])).status_code == 404


def test_the_penilai_reads_an_skp_but_may_not_edit_it_while_it_is_the_employees_draft(
    planning_cast: PlanningCast,
) -> None:
    cast = planning_cast
    plan = start_from_distribution(cast, client_for(cast, "staff"))
    sam = client_for(cast, "supervisor")
    detail = sam.get(reverse("planning:plan-detail", args=[plan.pk]))
    assert detail.status_code == 200
    assert detail.context["can_edit"] is False
    item = plan.items.first()
    assert sam.post(reverse("planning:item-delete", args=[item.pk])).status_code == 403
    assert plan.items.filter(pk=item.pk).exists()


# --- Matriks peran hasil, cascade, goals ----------------------------------------------------------


def test_the_supervisor_hands_an_rhk_to_the_team_in_the_matrix(planning_cast: PlanningCast) -> None:
    cast = planning_cast
    sam = client_for(cast, "supervisor")
    page = sam.get(reverse("planning:distribution", args=[cast.kabid_plan.pk]))
    assert page.status_code == 200
    assert {m.name for m in page.context["team"]} == {"Alice", "Carol"}
    item = cast.kabid_items[1]
    response = sam.post(
        reverse("planning:distribution", args=[cast.kabid_plan.pk]),
        {"item": item.pk, "employees": [cast.employee("staff").pk, cast.employee("colleague").pk]},
    )
    assert response.status_code == 302
    assert set(item.distributions.values_list("employee__name", flat=True)) == {"Alice", "Carol"}
    # Alice may not open Sam's matrix.
    assert client_for(cast, "staff").get(reverse("planning:distribution", args=[cast.kabid_plan.pk])).status_code in (
        403,
        404,
    )


def test_the_cascade_shows_goals_down_to_rhk_and_flags_a_goal_nobody_serves(planning_cast: PlanningCast) -> None:
    cast = planning_cast
    response = client_for(cast, "staff").get(reverse("planning:cascade", args=[cast.opd_a.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Meningkatnya indeks kepuasan layanan Dinas A" in body
    assert "Terselenggaranya layanan Bidang A1 sesuai standar" in body
    assert body.count('data-testid="flag-unserved"') == 1
    assert response.context["completion"].total.approved == 2
    # Home of the cascade sends Alice to her agency.
    home = client_for(cast, "staff").get(reverse("planning:cascade-home"))
    assert home["Location"] == reverse("planning:cascade", args=[cast.opd_a.pk])


def test_the_cascade_page_shows_every_flag_of_the_tree_and_escapes_rhk_text(planning_cast: PlanningCast) -> None:
    cast = planning_cast
    PlanItem.objects.create(work_plan=cast.head_plan, text="<b>Tanpa induk</b>", kind=ItemKind.MAIN, order=9)
    tree = selectors.cascade(cast.opd_a, cast.year)
    body = client_for(cast, "staff").get(reverse("planning:cascade", args=[cast.opd_a.pk])).content.decode()
    assert body.count('data-testid="flag-unlinked"') == len(tree.unlinked_items) == 1
    assert body.count('data-testid="flag-uncarried"') == len(tree.uncarried_items) > 1
    assert body.count('data-testid="cascade-node"') == len(tree.nodes())
    assert "&lt;b&gt;Tanpa induk&lt;/b&gt;" in body and "<b>Tanpa induk" not in body


def test_admin_opd_adds_a_goal_and_the_field_error_is_shown_for_a_bad_target(planning_cast: PlanningCast) -> None:
    cast = planning_cast
    adi = client_for(cast, "admin_opd")
    url = reverse("planning:goal-add", args=[cast.opd_a.pk]) + f"?year={cast.year.year}"
    data = {
        "code": "SS-4",
        "statement": "Meningkatnya digitalisasi layanan",
        "ind-TOTAL_FORMS": "2",
        "ind-INITIAL_FORMS": "0",
        "ind-0-text": "Persentase layanan daring",
        "ind-0-target_value": "lima puluh",
        "ind-0-target_unit": "%",
    }
    response = adi.post(url, data)
    assert response.status_code == 200
    assert response.context["formset"].forms[0].errors["target_value"]
    assert not OrganizationGoal.objects.filter(code="SS-4").exists()
    data["ind-0-target_value"] = "50"
    assert adi.post(url, data).status_code == 302
    assert OrganizationGoal.objects.get(code="SS-4").indicators.get().target_value == 50
    # Alice reads the goals but may not add one.
    alice = client_for(cast, "staff")
    assert alice.get(reverse("planning:goals", args=[cast.opd_a.pk])).status_code == 200
    assert alice.get(url).status_code == 403


# --- Years, late list, home, notifications -----------------------------------------------------------


def test_admin_bkpsdm_opens_a_year_and_extends_its_deadline(planning_cast: PlanningCast) -> None:
    cast = planning_cast
    bea = client_for(cast, "admin_bkpsdm")
    next_year = cast.year.year + 1
    response = bea.post(reverse("planning:year-open"), {"year": next_year, "period_type": "quarterly"})
    assert response.status_code == 302
    opened = PerformanceYear.objects.get(year=next_year)
    assert opened.periods.count() == 5
    assert opened.skp_draft_deadline == dt.date(next_year, 1, 31)
    edit = reverse("planning:year-edit", args=[next_year])
    bad = bea.post(edit, {"status": "open", "skp_draft_deadline": "", "skp_approval_deadline": f"{next_year}-02-15",
                          "appeal_window_days": 14})  # fmt: skip
    assert bad.status_code == 200 and bad.context["form"].errors["skp_draft_deadline"]
    bea.post(edit, {"status": "open", "skp_draft_deadline": f"{next_year}-02-07",
                    "skp_approval_deadline": f"{next_year}-02-15", "appeal_window_days": 14})  # fmt: skip
    opened.refresh_from_db()
    assert opened.skp_draft_deadline == dt.date(next_year, 2, 7)
    assert client_for(cast, "staff").get(reverse("planning:years")).status_code == 403


def test_the_late_list_names_people_without_an_skp_after_the_deadline(planning_cast: PlanningCast) -> None:
    cast = planning_cast
    PerformanceYear.objects.filter(pk=cast.year.pk).update(
        skp_draft_deadline=dt.date(cast.year.year, 1, 1), skp_approval_deadline=dt.date(cast.year.year, 1, 2)
    )
    response = client_for(cast, "admin_opd").get(reverse("planning:late"))
    assert response.status_code == 200
    names = {entry.employee.name for entry in response.context["page_obj"]}
    assert {"Alice", "Carol", "Adi"} <= names
    assert "Bob" not in names  # Dinas B is outside Adi's scope
    assert client_for(cast, "staff").get(reverse("planning:late")).status_code == 403


def test_home_shows_my_skp_card_and_what_waits_for_the_penilai(planning_cast: PlanningCast) -> None:
    cast = planning_cast
    alice = client_for(cast, "staff")
    body = alice.get(reverse("core:home")).content.decode()
    assert 'data-testid="my-skp-card"' in body
    assert "You have not started your SKP for this year." in body
    plan = start_from_distribution(cast, alice)
    for item in plan.items.all():
        add_indicator(alice, item)
    alice.post(reverse("planning:plan-submit", args=[plan.pk]))
    sam_home = client_for(cast, "supervisor").get(reverse("core:home")).content.decode()
    assert "SKP waiting for your approval:" in sam_home
    assert "<strong>1</strong>" in sam_home


def test_notifications_are_listed_newest_first_and_marked_read(planning_cast: PlanningCast) -> None:
    cast = planning_cast
    user = cast.user("staff")
    first = Notification.objects.create(recipient=user, verb="planning.work_plan.returned", title="Dikembalikan")
    second = Notification.objects.create(
        recipient=user, verb="planning.work_plan.approved", title="Disetujui", url="/skp/"
    )
    Notification.objects.create(recipient=cast.user("other_staff"), verb="x", title="Bukan untuk Alice")
    alice = client_for(cast, "staff")
    page = alice.get(reverse("notifications:list"))
    assert [n.pk for n in page.context["page_obj"]] == [second.pk, first.pk]
    assert 'data-testid="unread-count">2<' in page.content.decode()
    response = alice.post(reverse("notifications:mark-read", args=[second.pk]), {"open": "1"})
    assert response["Location"] == "/skp/"
    second.refresh_from_db()
    assert second.read_at is not None
    alice.post(reverse("notifications:mark-all-read"))
    assert not Notification.objects.filter(recipient=user, read_at__isnull=True).exists()
    other = Notification.objects.get(title="Bukan untuk Alice")
    assert alice.post(reverse("notifications:mark-read", args=[other.pk])).status_code == 404


@pytest.mark.parametrize("name", ["staff", "supervisor", "admin_bkpsdm"])
def test_my_skp_page_answers_everyone_with_an_account(planning_cast: PlanningCast, name: str) -> None:
    assert client_for(planning_cast, name).get(reverse("planning:my-plans")).status_code == 200


def test_the_opd_head_links_an_rhk_to_a_goal_of_the_agency(planning_cast: PlanningCast) -> None:
    cast = planning_cast
    hana = client_for(cast, "opd_head")
    plan = cast.head_plan
    hana.post(reverse("planning:plan-revise", args=[plan.pk]), {"reason": "Sasaran baru"})
    form = hana.get(reverse("planning:item-add", args=[plan.pk]), **HTMX).context["form"]
    assert set(form.fields["supported_goal"].queryset) == set(cast.goals)
    response = hana.post(
        reverse("planning:item-add", args=[plan.pk]),
        {"kind": "utama", "text": "Meningkatnya kapasitas aparatur", "supported_goal": cast.goals[2].pk},
        **HTMX,
    )
    assert response.status_code == 200 and response["HX-Retarget"] == "#plan-body"
    assert plan.items.get(text="Meningkatnya kapasitas aparatur").supported_goal == cast.goals[2]
