"""Writes of the accounts domain: user accounts for employees and explicit role grants."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group
from django.db import transaction

from kinerja.accounts.choices import Role
from kinerja.accounts.models import RoleGrant, User
from kinerja.audit import services as audit
from kinerja.organization.models import Employee, OrgUnit

# Admin BKPSDM keeps the reference tables in the Django admin; the group carries those model
# permissions (created by migration accounts.0002_bkpsdm_group).
BKPSDM_ADMIN_GROUP = "Admin BKPSDM"


@transaction.atomic
def user_create_for_employee(*, actor: Any, employee: Employee, username: str, password: str | None) -> User:
    """Open a login for an employee. Without a password the account cannot log in until reset."""
    user = User(username=username, employee=employee, email=employee.email, first_name=employee.name[:150])
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    audit.record(actor=actor, verb="accounts.user.created", target=user, subject=employee, after={"username": username})
    return user


@transaction.atomic
def role_grant(*, actor: Any, user: User, role: Role, scope: OrgUnit, reason: str = "") -> RoleGrant:
    """Grant a scoped role. Admin BKPSDM also gets access to the Django admin's reference tables."""
    grant, created = RoleGrant.objects.get_or_create(
        user=user, role=role, scope=scope, defaults={"granted_by": actor if getattr(actor, "pk", None) else None}
    )
    if role == Role.ADMIN_BKPSDM:
        group, _ = Group.objects.get_or_create(name=BKPSDM_ADMIN_GROUP)
        user.groups.add(group)
        if not user.is_staff:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
    if created:
        audit.record(
            actor=actor,
            verb="accounts.role.granted",
            target=grant,
            org_unit=scope,
            subject=user.employee,
            after={"role": role, "scope": scope.pk},
            reason=reason,
        )
    return grant


@transaction.atomic
def role_revoke(*, actor: Any, grant: RoleGrant, reason: str = "") -> None:
    user = grant.user
    audit.record(
        actor=actor,
        verb="accounts.role.revoked",
        target=grant,
        org_unit=grant.scope,
        subject=user.employee,
        before={"role": grant.role, "scope": grant.scope_id},
        reason=reason,
    )
    grant.delete()
    if grant.role == Role.ADMIN_BKPSDM and not user.role_grants.filter(role=Role.ADMIN_BKPSDM).exists():
        user.groups.remove(*Group.objects.filter(name=BKPSDM_ADMIN_GROUP))
        if not user.is_superuser:
            user.is_staff = False
            user.save(update_fields=["is_staff"])
