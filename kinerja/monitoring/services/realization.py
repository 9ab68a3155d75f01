"""Realisasi per IKI per evaluation period, with bukti dukung (regulation.md §5, §6.6(b))."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.monitoring import permissions, storage
from kinerja.monitoring.exceptions import PeriodLocked
from kinerja.monitoring.models import Realization
from kinerja.monitoring.services._common import clean_link, clean_text, parse_value, record, require
from kinerja.monitoring.services.evidence import attach_checked
from kinerja.planning.choices import Approach
from kinerja.planning.models import EvaluationPeriod, Indicator


def _check_period(indicator: Indicator, period: EvaluationPeriod) -> None:
    plan = indicator.item.work_plan
    if period.is_locked:
        raise PeriodLocked(
            {"period": [_("This period has been evaluated and is locked: its realisasi can no longer change.")]}
        )
    if period.year_id != plan.year_id:
        raise ValidationError({"period": [_("Choose a period of the SKP's year.")]})
    if period.end_date < plan.start_date or period.start_date > plan.end_date:
        raise ValidationError({"period": [_("Choose a period that overlaps the SKP's dates.")]})


def realization_set(
    *,
    actor: Any,
    indicator: Indicator,
    period: EvaluationPeriod,
    value: Any = None,
    narrative: str = "",
    files: Sequence[UploadedFile] = (),
    links: Sequence[str] = (),
) -> Realization:
    """Record (or replace) the realisasi of one IKI for one period, with evidence files and links.

    A quantitative SKP records a number ≥ 0 (capaian is computed from it); a qualitative SKP a narrative
    (PermenPANRB 6/2022 allows both approaches, regulation.md §4.2). Files are checked before anything is written.
    """
    _check_period(indicator, period)
    require(permissions.can_set_realization(actor, indicator, period))
    plan = indicator.item.work_plan
    number = parse_value(value, "value")
    narrative = clean_text(narrative, "narrative", required=plan.approach == Approach.QUALITATIVE)
    if plan.approach == Approach.QUANTITATIVE and number is None:
        raise ValidationError({"value": [_("Enter the realisasi as a number (for example 12 or 12.5).")]})
    clean_links = [link for link in (clean_link(one, "links") for one in links) if link]
    checked = [storage.check_upload(upload) for upload in files]
    owner = plan.employee
    with storage.cleanup_on_error(), transaction.atomic():
        realization = Realization.objects.select_for_update().filter(indicator=indicator, period=period).first()
        before = None
        if realization is None:
            realization = Realization(indicator=indicator, period=period)
        else:
            before = {"value": str(realization.value) if realization.value is not None else None}
            before["narrative"] = realization.narrative
        realization.value = number
        realization.narrative = narrative
        realization.updated_by = actor
        realization.save()
        for one in checked:
            attach_checked(actor=actor, owner=owner, checked=one, realization=realization)
        for link in clean_links:
            attach_checked(actor=actor, owner=owner, link=link, realization=realization)
        record(
            actor, "monitoring.realization.set", realization, owner, unit=plan.unit, before=before,
            after={"value": str(number) if number is not None else None, "narrative": narrative},
        )  # fmt: skip
    return realization
