from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """Roles that do not follow from the position tree; granted explicitly, scoped to a unit subtree."""

    ADMIN_BKPSDM = "admin_bkpsdm", _("Admin BKPSDM")
    ADMIN_OPD = "admin_opd", _("Admin OPD (pengelola kinerja)")
    REGIONAL_LEADER = "pimpinan_daerah", _("Regional leader (Wali Kota/Sekda)")
    AUDITOR = "auditor", _("Auditor (Inspektorat)")
