"""Enumerations of evaluation, with the official Indonesian terms (regulation.md §6–§8)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kinerja.planning import rules


class Rating(models.TextChoices):
    """Rating hasil kerja and rating perilaku kerja (PermenPANRB 6/2022; regulation.md §6.2)."""

    ABOVE = rules.ABOVE, _("Above expectations")
    MEETS = rules.MEETS, _("Meets expectations")
    BELOW = rules.BELOW, _("Below expectations")


class Predikat(models.TextChoices):
    """Predikat kinerja pegawai, ordered from the best (regulation.md §6.3)."""

    SANGAT_BAIK = rules.SANGAT_BAIK, _("Outstanding (Sangat Baik)")
    BAIK = rules.BAIK, _("Good (Baik)")
    BUTUH_PERBAIKAN = rules.BUTUH_PERBAIKAN, _("Needs improvement (Butuh Perbaikan)")
    KURANG = rules.KURANG, _("Poor/Misconduct (Kurang/Misconduct)")
    SANGAT_KURANG = rules.SANGAT_KURANG, _("Very poor (Sangat Kurang)")


class OrgPredikat(models.TextChoices):
    """Capaian kinerja organisasi (PermenPANRB 6/2022 Ps 24; regulation.md §6.1)."""

    ISTIMEWA = rules.ISTIMEWA, _("Exceptional (Istimewa)")
    BAIK = rules.BAIK, _("Good (Baik)")
    BUTUH_PERBAIKAN = rules.BUTUH_PERBAIKAN, _("Needs improvement (Butuh Perbaikan)")
    KURANG = rules.KURANG, _("Poor (Kurang)")
    SANGAT_KURANG = rules.SANGAT_KURANG, _("Very poor (Sangat Kurang)")


# The x-axis of the kurva distribusi, worst to best, as printed on the form (regulation.md §6.4).
CURVE_ORDER = (
    Predikat.SANGAT_KURANG,
    Predikat.KURANG,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.BAIK,
    Predikat.SANGAT_BAIK,
)

# Official print labels (always Indonesian, ADR 0001).
PREDIKAT_PRINT = {
    Predikat.SANGAT_BAIK: "SANGAT BAIK",
    Predikat.BAIK: "BAIK",
    Predikat.BUTUH_PERBAIKAN: "BUTUH PERBAIKAN",
    Predikat.KURANG: "KURANG/MISCONDUCT",
    Predikat.SANGAT_KURANG: "SANGAT KURANG",
}
ORG_PREDIKAT_PRINT = {
    OrgPredikat.ISTIMEWA: "ISTIMEWA",
    OrgPredikat.BAIK: "BAIK",
    OrgPredikat.BUTUH_PERBAIKAN: "BUTUH PERBAIKAN",
    OrgPredikat.KURANG: "KURANG",
    OrgPredikat.SANGAT_KURANG: "SANGAT KURANG",
}
RATING_PRINT = {
    Rating.ABOVE: "DIATAS EKSPEKTASI",
    Rating.MEETS: "SESUAI EKSPEKTASI",
    Rating.BELOW: "DIBAWAH EKSPEKTASI",
}


class EvaluationStatus(models.TextChoices):
    OPEN = "open", _("Not rated yet")
    RATED = "rated", _("Rated, awaiting calibration")
    PUBLISHED = "published", _("Published")


class ForumStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("forum status", "Open")
    LOCKED = "locked", _("Locked and published")


class AdjustmentSource(models.TextChoices):
    MANUAL = "manual", _("Adjusted by the forum")
    SUGGESTION = "suggestion", _("Suggested change accepted by the forum")


class ObjectionStatus(models.TextChoices):
    FILED = "filed", _("Filed, awaiting the penilai's explanation")
    EXPLAINED = "explained", _("Explained, awaiting the decision")
    DECIDED = "decided", _("Decided (final)")


class ObjectionOutcome(models.TextChoices):
    KEPT = "kept", _("Result kept")
    CHANGED = "changed", _("Result changed")


class BatchStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")
