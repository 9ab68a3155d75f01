"""factory_boy factories for monitoring: progress entries, realisasi, evidence links, feedback, dialogues."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory

from kinerja.monitoring.choices import DialogueKind
from kinerja.monitoring.models import (
    Appreciation,
    Dialogue,
    DialogueAction,
    Evidence,
    Feedback,
    FeedbackReply,
    ProgressComment,
    ProgressEntry,
    Realization,
)
from kinerja.organization import selectors as org_selectors

# A minimal valid PNG (1×1 pixel) and PDF: real content that `filetype` recognises.
PNG_BYTES = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e5270de40000000049454e44ae426082"
)
PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
# What a disguised executable starts with: an ELF header and a Windows PE ("MZ") header.
ELF_BYTES = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 120
PE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 112


class ProgressEntryFactory(factory.django.DjangoModelFactory):
    """``ProgressEntryFactory(item=...)``: an entry of the item's SKP owner, today unless told."""

    class Meta:
        model = ProgressEntry

    item = None
    employee = factory.LazyAttribute(lambda o: o.item.work_plan.employee)
    day = factory.LazyFunction(org_selectors.today)
    description = factory.Sequence(lambda n: f"Menyusun bahan laporan bagian {n}")


class ProgressCommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressComment

    entry = None
    author = None
    text = "Lanjutkan."


class RealizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Realization

    indicator = None
    period = None
    value = Decimal("3")


class EvidenceLinkFactory(factory.django.DjangoModelFactory):
    """Evidence as a link (no file), attached to a progress entry."""

    class Meta:
        model = Evidence

    progress_entry = None
    owner = factory.LazyAttribute(lambda o: o.progress_entry.employee)
    link = "https://drive.example.go.id/bukti/1"


class FeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feedback

    work_plan = None
    item = None
    author = None
    text = "Laporan bulan ini sudah rapi."


class FeedbackReplyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeedbackReply

    feedback = None
    author = None
    text = "Terima kasih, Pak."


class DialogueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dialogue

    employee = None
    led_by = None
    kind = DialogueKind.PERFORMANCE_DIALOGUE
    held_on = factory.LazyFunction(org_selectors.today)
    topics = "Capaian triwulan dan hambatan"


class DialogueActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DialogueAction

    dialogue = None
    owner = None
    description = "Menyelesaikan draf laporan"
    due_date = factory.LazyFunction(lambda: org_selectors.today() + dt.timedelta(days=14))


class AppreciationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Appreciation

    recipient = None
    author = None
    unit = None
    text = "Laporan selesai lebih cepat dari jadwal."
