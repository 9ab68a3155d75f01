from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    SKP = "skp", _("SKP and Lampiran SKP")
