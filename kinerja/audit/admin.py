from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from kinerja.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the trail is append-only (AuditEvent refuses updates and deletes)."""

    list_display = ["created_at", "actor", "verb", "target_repr", "org_unit"]
    list_filter = ["verb"]
    search_fields = ["verb", "target_repr", "reason"]
    date_hierarchy = "created_at"
    list_select_related = ["actor", "org_unit"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
