"""Issuing official documents: each gets a public verification code and the hash of its content."""

from __future__ import annotations

import hashlib
import json
import secrets
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, models, transaction

from kinerja.audit import services as audit_services
from kinerja.documents.models import IssuedDocument

if TYPE_CHECKING:
    from kinerja.accounts.models import User
    from kinerja.organization.models import Employee, OrgUnit

# No 0/O, 1/I/L: people type codes from paper, and these pairs are misread.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10
_CODE_ATTEMPTS = 5


def canonical_json(content: dict[str, Any]) -> str:
    """The one serialisation that is hashed: sorted keys, no whitespace, UTF-8 kept as is."""
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_hash(content: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON of a document's content (hex)."""
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(raw: str) -> str:
    """What people type (lower case, spaces, dashes) → the stored form."""
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())


def is_well_formed_code(code: str) -> bool:
    return len(code) == CODE_LENGTH and all(ch in CODE_ALPHABET for ch in code)


def _existing(kind: str, target: models.Model, version: int, digest: str) -> IssuedDocument | None:
    return IssuedDocument.objects.filter(
        kind=kind,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        version=version,
        content_hash=digest,
    ).first()


def document_issue(
    *,
    actor: User | None,
    kind: str,
    target: models.Model,
    subject: Employee | None,
    title: str,
    version: int,
    content: dict[str, Any],
    org_unit: OrgUnit | None = None,
) -> IssuedDocument:
    """Issue a document, or return the one already issued for the same content.

    The same (kind, target, version, content hash) always has the same code, so every download
    of an approved SKP version carries the code printed on the first one.
    """
    digest = content_hash(content)
    existing = _existing(kind, target, version, digest)
    if existing is not None:
        return existing
    for _attempt in range(_CODE_ATTEMPTS):
        try:
            with transaction.atomic():
                document = IssuedDocument.objects.create(
                    code=new_code(),
                    kind=kind,
                    title=title[:255],
                    subject=subject,
                    target_type=target._meta.label_lower,
                    target_id=str(target.pk),
                    version=version,
                    content_hash=digest,
                    issued_by=actor if actor is not None and actor.is_authenticated else None,
                )
                audit_services.record(
                    actor=actor,
                    verb="documents.document.issued",
                    target=document,
                    org_unit=org_unit,
                    subject=subject,
                    after={"code": document.code, "kind": kind, "version": version, "content_hash": digest},
                )
                return document
        except IntegrityError:
            # Either a concurrent download issued the same content first, or (rarely) the random
            # code collided: take the other one's document, or draw a new code.
            existing = _existing(kind, target, version, digest)
            if existing is not None:
                return existing
    raise RuntimeError("Could not draw a unique verification code; the code space is exhausted.")
