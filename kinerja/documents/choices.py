from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    SKP = "skp", _("SKP and Lampiran SKP")
    EVALUATION = "evaluasi", _("Evaluasi Kinerja Pegawai")
    EVALUATION_DOCUMENT = "dokumen_evaluasi", _("Dokumen Evaluasi Kinerja Pegawai")
    ORG_RATING = "capaian_organisasi", _("Penetapan capaian kinerja organisasi")
    FORUM_MINUTES = "berita_acara_forum", _("Berita acara forum evaluasi kinerja")
