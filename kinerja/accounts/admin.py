from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.http import HttpRequest

from kinerja.accounts import services
from kinerja.accounts.choices import Role
from kinerja.accounts.models import RoleGrant, User


class RoleGrantInline(admin.TabularInline):
    model = RoleGrant
    fk_name = "user"
    extra = 0
    fields = ["role", "scope", "granted_by", "granted_at"]
    readonly_fields = ["granted_by", "granted_at"]
    autocomplete_fields = ["scope"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "employee", "is_active", "is_staff", "last_login"]
    search_fields = ["username", "employee__name", "employee__nip"]
    autocomplete_fields = ["employee"]
    fieldsets = (*DjangoUserAdmin.fieldsets, ("Pegawai", {"fields": ["employee"]}))
    list_select_related = ["employee"]


@admin.register(RoleGrant)
class RoleGrantAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "scope", "granted_by", "granted_at"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__employee__name", "scope__name"]
    autocomplete_fields = ["user", "scope"]
    readonly_fields = ["granted_by", "granted_at"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a grant is revoked and granted anew, so the trail shows both

    def save_model(self, request: HttpRequest, obj: RoleGrant, form: Any, change: bool) -> None:
        granted = services.role_grant(actor=request.user, user=obj.user, role=Role(obj.role), scope=obj.scope)
        obj.pk = granted.pk

    def delete_model(self, request: HttpRequest, obj: RoleGrant) -> None:
        services.role_revoke(actor=request.user, grant=obj, reason="admin")
