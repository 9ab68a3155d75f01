"""Maintenance of the materialised paths of the unit tree and the position tree."""

from __future__ import annotations

from django.db import models

from kinerja.organization.models import OrgUnit, Position


def _rebuild(model: type[OrgUnit] | type[Position], parent_field: str) -> int:
    """Recompute ``path`` and (for units) ``depth`` level by level; one bulk update per level.

    Raises ValueError on a cycle, which would otherwise make the tree endless.
    """
    rows = list(model.objects.values_list("pk", f"{parent_field}_id"))
    children: dict[int | None, list[int]] = {}
    for pk, parent_id in rows:
        children.setdefault(parent_id, []).append(pk)
    paths: dict[int, str] = {}
    depths: dict[int, int] = {}
    level = [(pk, "/", 0) for pk in children.get(None, [])]
    while level:
        next_level = []
        for pk, prefix, depth in level:
            paths[pk] = f"{prefix}{pk}/"
            depths[pk] = depth
            next_level.extend((child, paths[pk], depth + 1) for child in children.get(pk, []))
        level = next_level
    if len(paths) != len(rows):
        raise ValueError(f"{model.__name__} tree has a cycle")
    objs = list(model.objects.only("pk", "path"))
    changed: list[models.Model] = []
    for obj in objs:
        new_path = paths[obj.pk]
        new_depth = depths[obj.pk]
        if obj.path != new_path or (isinstance(obj, OrgUnit) and obj.depth != new_depth):
            obj.path = new_path
            if isinstance(obj, OrgUnit):
                obj.depth = new_depth
            changed.append(obj)
    fields = ["path", "depth"] if model is OrgUnit else ["path"]
    model.objects.bulk_update(changed, fields, batch_size=500)  # type: ignore[arg-type]
    return len(changed)


def rebuild_unit_paths() -> int:
    return _rebuild(OrgUnit, "parent")


def rebuild_position_paths() -> int:
    return _rebuild(Position, "reports_to")
