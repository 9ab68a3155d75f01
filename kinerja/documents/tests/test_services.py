"""Issuing documents: the hash, the code, idempotence, the audit trail; and how targets print."""

from __future__ import annotations

import pytest

from kinerja.audit.models import AuditEvent
from kinerja.core.testing import Cast
from kinerja.documents import services
from kinerja.documents.choices import DocumentKind
from kinerja.documents.selectors import mask_nip
from kinerja.documents.work_plan_document import target_text
from kinerja.organization.models import OrgUnit

CONTENT = {"b": [1, 2], "a": {"z": "Ä", "y": None}}


def issue(cast: Cast, content: dict, version: int = 1):
    return services.document_issue(
        actor=cast.user("supervisor"), kind=DocumentKind.SKP, target=cast.opd_a, subject=cast.employee("staff"),
        title="SKP uji", version=version, content=content, org_unit=cast.opd_a,
    )  # fmt: skip


def test_the_hash_is_sha256_of_sorted_compact_json_whatever_the_key_order() -> None:
    import hashlib

    expected = hashlib.sha256('{"a":{"y":null,"z":"Ä"},"b":[1,2]}'.encode()).hexdigest()
    assert services.content_hash(CONTENT) == expected
    assert services.content_hash({"a": {"z": "Ä", "y": None}, "b": [1, 2]}) == expected


def test_the_same_content_and_version_is_issued_once_with_one_code(cast: Cast) -> None:
    first = issue(cast, CONTENT)
    again = issue(cast, dict(reversed(list(CONTENT.items()))))
    assert again.pk == first.pk
    assert again.code == first.code
    event = AuditEvent.objects.get(verb="documents.document.issued")
    assert event.actor == cast.user("supervisor")
    assert event.subject == cast.employee("staff")
    assert event.org_unit == cast.opd_a
    assert event.after["code"] == first.code
    assert first.target_type == OrgUnit._meta.label_lower
    assert first.target_id == str(cast.opd_a.pk)


def test_other_content_or_another_version_gets_its_own_code(cast: Cast) -> None:
    first = issue(cast, CONTENT)
    changed = issue(cast, {**CONTENT, "b": [1, 3]})
    next_version = issue(cast, CONTENT, version=2)
    assert len({first.code, changed.code, next_version.code}) == 3


def test_codes_use_only_unambiguous_characters() -> None:
    for _ in range(200):
        code = services.new_code()
        assert len(code) == services.CODE_LENGTH
        assert not set(code) & set("01ILO")
        assert services.is_well_formed_code(code)


@pytest.mark.parametrize(
    ("raw", "expected"), [("abcde-fghjk", "ABCDEFGHJK"), (" AB CDE FGH JK ", "ABCDEFGHJK"), ("", "")]
)
def test_typed_codes_are_normalised(raw: str, expected: str) -> None:
    assert services.normalize_code(raw) == expected


def test_a_nip_is_masked_between_its_first_and_last_four_digits() -> None:
    assert mask_nip("198601012010011001") == "1986**********1001"
    assert mask_nip("1234") == "****"


@pytest.mark.parametrize(
    ("indicator", "printed"),
    [
        ({"target_min": "12.00", "target_unit": "laporan"}, "12 laporan"),
        ({"target_min": "12.50", "target_unit": "%"}, "12,5 %"),
        ({"target_min": "90", "target_max": "100", "target_unit": "%"}, "90–100 %"),
        ({"target_min": "1250", "target_unit": "berkas"}, "1.250 berkas"),
        ({"target_min": None, "target_text": "Tanpa keluhan"}, "Tanpa keluhan"),
    ],
)
def test_targets_print_the_indonesian_way(indicator: dict, printed: str) -> None:
    from django.utils import translation

    with translation.override("id"):
        assert target_text(indicator) == printed
