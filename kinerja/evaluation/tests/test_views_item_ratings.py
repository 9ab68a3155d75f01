"""The optional rating per RHK on the evaluation page: the penilai rates each RHK next to the overall ratings
(ItemAssessment.penilai_rating), the form starts from what is stored, only the SKP's own RHK count, and the owner
reads the per-RHK ratings with the rest of the result once it is published, never before."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kinerja.evaluation.choices import EvaluationStatus, Rating
from kinerja.evaluation.models import ItemAssessment
from kinerja.evaluation.tests.conftest import EvaluationCast, publish, rate
from kinerja.evaluation.tests.test_views import client_for, rating_post

pytestmark = pytest.mark.django_db


def rate_url(cast: EvaluationCast) -> str:
    return reverse("evaluation:rate", args=[cast.evaluations["staff"].pk])


def page_url(cast: EvaluationCast) -> str:
    return reverse("evaluation:detail", args=[cast.evaluations["staff"].pk])


def stored_ratings(cast: EvaluationCast) -> dict[int, str]:
    return dict(
        ItemAssessment.objects.filter(evaluation=cast.evaluations["staff"]).values_list("item_id", "penilai_rating")
    )


def test_the_rating_form_offers_a_rating_per_rhk_with_the_bkn_hint(evaluation_cast: EvaluationCast) -> None:
    page = client_for(evaluation_cast, "supervisor").get(page_url(evaluation_cast))
    assert page.text.count('data-testid="item-rating"') == len(evaluation_cast.staff_items)
    for item in evaluation_cast.staff_items:
        assert f'name="item_rating_{item.pk}"' in page.text
    assert 'data-testid="item-ratings-hint"' in page.text
    assert "derives the rating hasil kerja from the RHK utama" in page.text


def test_posting_ratings_per_rhk_stores_them_on_the_item_assessments(evaluation_cast: EvaluationCast) -> None:
    first, second = evaluation_cast.staff_items[:2]
    sam = client_for(evaluation_cast, "supervisor")
    response = sam.post(rate_url(evaluation_cast), rating_post(**{f"item_rating_{first.pk}": Rating.ABOVE}))
    assert response.status_code == 302
    assert evaluation_cast.evaluation("staff").status == EvaluationStatus.RATED
    # An RHK left without a rating gets no row.
    assert stored_ratings(evaluation_cast) == {first.pk: Rating.ABOVE}

    # The form starts from the stored ratings; a changed one is written, a cleared one is cleared.
    page = sam.get(page_url(evaluation_cast))
    assert f'value="{Rating.ABOVE}" class="btn-check" id="id_item_rating_{first.pk}_1" checked' in page.text
    assert f'value="" class="btn-check" id="id_item_rating_{second.pk}_0" checked' in page.text
    lock = evaluation_cast.evaluation("staff").lock_version
    sam.post(
        rate_url(evaluation_cast),
        rating_post(
            lock_version=str(lock), **{f"item_rating_{first.pk}": "", f"item_rating_{second.pk}": Rating.BELOW}
        ),
    )
    assert stored_ratings(evaluation_cast) == {first.pk: "", second.pk: Rating.BELOW}


def test_a_rating_for_another_skps_rhk_is_ignored(evaluation_cast: EvaluationCast) -> None:
    foreign = evaluation_cast.colleague_items[0]
    own = evaluation_cast.staff_items[0]
    sam = client_for(evaluation_cast, "supervisor")
    response = sam.post(
        rate_url(evaluation_cast),
        rating_post(**{f"item_rating_{foreign.pk}": Rating.BELOW, f"item_rating_{own.pk}": Rating.MEETS}),
    )
    assert response.status_code == 302
    assert stored_ratings(evaluation_cast) == {own.pk: Rating.MEETS}
    assert not ItemAssessment.objects.filter(item=foreign).exists()


def test_an_unknown_rating_per_rhk_is_refused_and_nothing_is_saved(evaluation_cast: EvaluationCast) -> None:
    own = evaluation_cast.staff_items[0]
    sam = client_for(evaluation_cast, "supervisor")
    response = sam.post(rate_url(evaluation_cast), rating_post(**{f"item_rating_{own.pk}": "excellent"}))
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert evaluation_cast.evaluation("staff").status == EvaluationStatus.OPEN
    assert stored_ratings(evaluation_cast) == {}


def _rated_with_item_ratings(cast: EvaluationCast) -> None:
    evaluation = rate(cast.evaluation("staff"), Rating.MEETS, Rating.MEETS, cast.user("supervisor"))
    ItemAssessment.objects.create(evaluation=evaluation, item=cast.staff_items[0], penilai_rating=Rating.ABOVE)
    ItemAssessment.objects.create(evaluation=evaluation, item=cast.staff_items[1], self_assessment="Sudah selesai.")


def test_the_owner_reads_the_ratings_per_rhk_only_once_published(evaluation_cast: EvaluationCast) -> None:
    _rated_with_item_ratings(evaluation_cast)
    alice = client_for(evaluation_cast, "staff")
    before = alice.get(page_url(evaluation_cast))
    assert 'data-testid="item-ratings-result"' not in before.text
    assert "Above expectations" not in before.text

    publish(evaluation_cast.evaluation("staff"))
    page = alice.get(page_url(evaluation_cast))
    assert 'data-testid="item-ratings-result"' in page.text
    section = page.text.split('data-testid="item-ratings-result"')[1].split("</ul>")[0]
    assert evaluation_cast.staff_items[0].text in section and "Above expectations" in section
    # An RHK the penilai did not rate is not listed.
    assert evaluation_cast.staff_items[1].text not in section
    # Read-only: no inputs of the rating form.
    assert "item_rating_" not in page.text


def test_the_penilai_sees_the_ratings_per_rhk_read_only_after_publication(evaluation_cast: EvaluationCast) -> None:
    _rated_with_item_ratings(evaluation_cast)
    publish(evaluation_cast.evaluation("staff"))
    page = client_for(evaluation_cast, "supervisor").get(page_url(evaluation_cast))
    assert 'data-testid="rating-form"' not in page.text
    assert 'data-testid="item-ratings-result"' in page.text
    assert "Above expectations" in page.text.split('data-testid="item-ratings-result"')[1]
