"""Enumerations of monitoring: feedback reactions, dialogue kinds."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Reaction(models.TextChoices):
    """A quick reaction a supervisor may attach to feedback (regulation.md §5: short positive/negative remarks)."""

    NONE = "", _("—")
    EXCELLENT = "excellent", _("Excellent")
    GOOD = "good", _("Good progress")
    ATTENTION = "attention", _("Needs attention")


class DialogueKind(models.TextChoices):
    """Dialog kinerja and the pengembangan kinerja sessions of PermenPANRB 6/2022 (regulation.md §5)."""

    PERFORMANCE_DIALOGUE = "dialog_kinerja", _("Performance dialogue")
    COACHING = "coaching", _("Coaching")
    MENTORING = "mentoring", _("Mentoring")
    COUNSELLING = "konseling", _("Counselling")
