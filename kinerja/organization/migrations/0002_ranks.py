"""Reference data: golongan ruang/pangkat of PNS and golongan of PPPK (regulation.md §11.2)."""

from django.db import migrations

PNS = [
    ("I/a", "11", "Juru Muda"),
    ("I/b", "12", "Juru Muda Tingkat I"),
    ("I/c", "13", "Juru"),
    ("I/d", "14", "Juru Tingkat I"),
    ("II/a", "21", "Pengatur Muda"),
    ("II/b", "22", "Pengatur Muda Tingkat I"),
    ("II/c", "23", "Pengatur"),
    ("II/d", "24", "Pengatur Tingkat I"),
    ("III/a", "31", "Penata Muda"),
    ("III/b", "32", "Penata Muda Tingkat I"),
    ("III/c", "33", "Penata"),
    ("III/d", "34", "Penata Tingkat I"),
    ("IV/a", "41", "Pembina"),
    ("IV/b", "42", "Pembina Tingkat I"),
    ("IV/c", "43", "Pembina Utama Muda"),
    ("IV/d", "44", "Pembina Utama Madya"),
    ("IV/e", "45", "Pembina Utama"),
]

# PPPK golongan I–XVII carry SIASN-style codes 11P…45P following the PNS codes in order.
PPPK_ROMAN = [
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
]


def load(apps, schema_editor):
    Rank = apps.get_model("organization", "Rank")
    for order, (code, siasn, name) in enumerate(PNS, start=1):
        Rank.objects.update_or_create(
            code=code, defaults={"siasn_code": siasn, "name": name, "employment_type": "pns", "order": order}
        )
    for order, (roman, (_, siasn, _name)) in enumerate(zip(PPPK_ROMAN, PNS, strict=True), start=1):
        Rank.objects.update_or_create(
            code=roman, defaults={"siasn_code": f"{siasn}P", "name": "", "employment_type": "pppk", "order": order}
        )


def unload(apps, schema_editor):
    apps.get_model("organization", "Rank").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("organization", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
