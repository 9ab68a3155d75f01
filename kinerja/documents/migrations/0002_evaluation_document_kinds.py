from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="issueddocument",
            name="kind",
            field=models.CharField(
                choices=[
                    ("skp", "SKP and Lampiran SKP"),
                    ("evaluasi", "Evaluasi Kinerja Pegawai"),
                    ("dokumen_evaluasi", "Dokumen Evaluasi Kinerja Pegawai"),
                    ("capaian_organisasi", "Penetapan capaian kinerja organisasi"),
                    ("berita_acara_forum", "Berita acara forum evaluasi kinerja"),
                ],
                max_length=20,
                verbose_name="kind",
            ),
        ),
    ]
