"""The public verification pages: a real code, a tampered record, a newer version, an unknown or mistyped code."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from kinerja.documents.models import IssuedDocument
from kinerja.documents.tests.conftest import History, fresh
from kinerja.planning import services as planning_services
from kinerja.planning.models import WorkPlanVersion


def issued(history: History, version: int = 2) -> IssuedDocument:
    client = Client()
    client.force_login(history.cast.user("staff"))
    client.get(reverse("documents:work-plan-version-pdf", args=[history.plan.pk, version]))
    return IssuedDocument.objects.get(version=version)


def test_a_genuine_code_shows_whose_document_it_is_with_the_nip_masked(history: History) -> None:
    document = issued(history)
    response = Client().get(reverse("documents:verify", args=[document.code]))
    assert response.status_code == 200
    page = response.content.decode()
    alice = history.cast.employee("staff")
    assert response.context["unchanged"] is True
    assert response.context["result"].newer_version is None
    assert alice.full_name in page
    masked = alice.nip[:4] + "*" * 10 + alice.nip[-4:]
    assert masked in page
    assert alice.nip not in page
    assert document.content_hash in page
    assert document.code in page
    assert f"SKP {history.cast.year.year}" in page
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_a_record_changed_after_issue_is_reported(history: History) -> None:
    document = issued(history)
    stored = WorkPlanVersion.objects.get(work_plan=history.plan, version=2)
    stored.content["items"]["utama"][0]["indicators"][0]["target_min"] = "1"
    stored.save()
    response = Client().get(reverse("documents:verify", args=[document.code]))
    assert response.status_code == 200
    assert response.context["changed"] is True
    assert response.context["unchanged"] is False


def test_an_old_version_is_genuine_but_says_a_newer_version_exists(history: History) -> None:
    document = issued(history, version=1)
    response = Client().get(reverse("documents:verify", args=[document.code]))
    assert response.context["unchanged"] is True
    assert response.context["result"].newer_version == 2


def test_a_revision_in_progress_counts_as_a_newer_version(history: History) -> None:
    document = issued(history)
    planning_services.work_plan_revise(actor=fresh(history.cast, "staff"), work_plan=history.plan, reason="Mutasi")
    response = Client().get(reverse("documents:verify", args=[document.code]))
    assert response.context["unchanged"] is True
    assert response.context["result"].newer_version == 3


def test_an_unknown_code_says_no_such_document_was_issued(db: None) -> None:
    response = Client().get(reverse("documents:verify", args=["ABCDEFGHJK"]))
    assert response.status_code == 404
    assert response.templates[0].name == "documents/verify_unknown.html"
    assert "ABCDEFGHJK" in response.content.decode()


def test_a_malformed_code_is_not_found_either(db: None) -> None:
    response = Client().get(reverse("documents:verify", args=["nope"]))
    assert response.status_code == 404


def test_a_code_typed_in_lower_case_with_a_dash_is_normalised(history: History) -> None:
    document = issued(history)
    typed = f"{document.code[:5].lower()}-{document.code[5:].lower()}"
    response = Client().get(reverse("documents:verify-form"), {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == reverse("documents:verify", args=[document.code])
    response = Client().get(reverse("documents:verify", args=[document.code.lower()]))
    assert response.status_code == 302
    assert response["Location"] == reverse("documents:verify", args=[document.code])


def test_the_form_explains_a_code_of_the_wrong_shape(db: None) -> None:
    response = Client().get(reverse("documents:verify-form"), {"code": "0O1IL"})
    assert response.status_code == 400
    assert response.context["error"]
    assert 'aria-invalid="true"' in response.content.decode()


def test_the_form_needs_no_login(db: None) -> None:
    response = Client().get(reverse("documents:verify-form"))
    assert response.status_code == 200
    assert not response.context["error"]
