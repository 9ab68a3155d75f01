"""Accounts: the login identity of an employee, and explicitly granted scoped roles."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.accounts.choices import Role


class User(AbstractUser):
    """A login. Employees log in with their NIP or their username (see backends.NipOrUsernameBackend)."""

    employee = models.OneToOneField(
        "organization.Employee",
        verbose_name=_("employee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="user",
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.employee.full_name if self.employee_id and self.employee else self.username


class RoleGrant(models.Model):
    """An explicit role (Admin BKPSDM, Admin OPD, Pimpinan daerah, Auditor) over a unit subtree."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="role_grants"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    scope = models.ForeignKey(
        "organization.OrgUnit", verbose_name=_("scope (unit and everything below)"), on_delete=models.PROTECT
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("role grant")
        verbose_name_plural = _("role grants")
        constraints = [models.UniqueConstraint(fields=["user", "role", "scope"], name="unique_role_grant")]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} ({self.scope})"
