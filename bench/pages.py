"""The pages `make bench` measures. Later issues append theirs to PAGES.

A page's ``path`` is a string or a function evaluated inside Django against the seeded database (so it may
look up ids); ``user`` is a demo account (None = anonymous); ``auth`` is "session", "token" or "none".
This module is imported by bench/prepare.py only, after django.setup().
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    name: str
    path: str | Callable[[], str]
    user: str | None
    auth: str = "session"


def _employee_id(username: str) -> int:
    from kinerja.accounts.models import User

    return int(User.objects.get(username=username).employee_id)


def pegawai_profile() -> str:
    return f"/organisasi/pegawai/{_employee_id('pegawai')}/"


def largest_opd_chart() -> str:
    """The org chart of the OPD with the most positions (Disdikbud in the demo city)."""
    from kinerja.organization.choices import AGENCY_KINDS
    from kinerja.organization.models import OrgUnit, Position

    agencies = OrgUnit.objects.filter(kind__in=AGENCY_KINDS)
    sizes = {a.pk: Position.objects.filter(unit__path__startswith=a.path).count() for a in agencies}
    return f"/organisasi/unit/{max(sizes, key=lambda pk: (sizes[pk], -pk))}/"


def _approved_work_plan(username: str) -> int:
    """The user's approved SKP of the open performance year (seed_demo gives penilai one)."""
    from kinerja.planning.choices import WorkPlanStatus, YearStatus
    from kinerja.planning.models import WorkPlan

    plans = WorkPlan.objects.filter(
        employee_id=_employee_id(username), year__status=YearStatus.OPEN, status=WorkPlanStatus.APPROVED
    )
    return int(plans.order_by("-year__year", "-start_date").values_list("pk", flat=True)[0])


def penilai_work_plan() -> str:
    return f"/skp/{_approved_work_plan('penilai')}/"


def penilai_work_plan_pdf() -> str:
    return f"/dokumen/skp/{_approved_work_plan('penilai')}.pdf"


def demo_opd_cascade() -> str:
    """The cascade of kepala.opd's own OPD (Dinas Kesehatan in the demo city)."""
    from kinerja.organization.models import Assignment

    unit_id = Assignment.objects.filter(employee_id=_employee_id("kepala.opd")).values_list("position__unit", flat=True)
    return f"/skp/kaskade/{unit_id[0]}/"


def penilai_plan_progress() -> str:
    """Progress and realisasi per RHK/IKI of penilai's SKP (seed_demo gives it a year of monitoring data)."""
    return f"/pemantauan/skp/{_approved_work_plan('penilai')}/"


def penilai_plan_realisasi_api() -> str:
    return f"/api/v1/work-plans/{_approved_work_plan('penilai')}/realisasi/"


def _period(number: int) -> int:
    """Triwulan ``number`` of the open performance year."""
    from kinerja.planning.choices import PeriodKind, YearStatus
    from kinerja.planning.models import EvaluationPeriod

    periods = EvaluationPeriod.objects.filter(year__status=YearStatus.OPEN, kind=PeriodKind.PERIODIC, number=number)
    return int(periods.order_by("-year__year").values_list("pk", flat=True)[0])


def penilai_rating_page() -> str:
    """The rating page of one of penilai's team in Triwulan IV (seed_demo rates kepala.opd's whole OPD): the one
    with the most feedback of the quarter, so the page shows the same kinds of evidence at every size."""
    from django.db.models import Count, Q

    from kinerja.evaluation.models import Evaluation

    period = _period(4)
    team = Evaluation.objects.filter(penilai_id=_employee_id("penilai"), period_id=period).annotate(
        feedback=Count("work_plan__feedback", filter=Q(work_plan__feedback__period_id=period))
    )
    return f"/evaluasi/{team.order_by('-feedback', 'employee__name', 'pk').values_list('pk', flat=True)[0]}/"


def largest_opd_calibration() -> str:
    """The Triwulan IV forum page of the OPD with the most evaluations (Disdikbud in the demo city)."""
    from django.db.models import Count

    from kinerja.evaluation.models import Evaluation

    period = _period(4)
    sizes = Evaluation.objects.filter(period_id=period).values("agency").annotate(n=Count("pk"))
    agency = max(sizes, key=lambda row: (row["n"], -row["agency"]))["agency"]
    return f"/evaluasi/kalibrasi/{agency}/{period}/"


def demo_opd_calibration() -> str:
    """kepala.opd's Triwulan IV forum: everyone rated, the distribution breaking the rules, a suggestion."""
    from kinerja.evaluation.models import Evaluation

    period = _period(4)
    own = Evaluation.objects.filter(employee_id=_employee_id("kepala.opd"), period_id=period)
    return f"/evaluasi/kalibrasi/{own.values_list('agency', flat=True)[0]}/{period}/"


def penilai_q1_result() -> str:
    """penilai's own published Triwulan I result, with the keberatan decided on it."""
    from kinerja.evaluation.models import Evaluation

    own = Evaluation.objects.filter(employee_id=_employee_id("penilai"), period_id=_period(1))
    return f"/evaluasi/{own.values_list('pk', flat=True)[0]}/"


PAGES: list[Page] = [
    Page("healthz", "/healthz", None, auth="none"),
    Page("home (pegawai)", "/", "pegawai"),
    Page("home (penilai)", "/", "penilai"),
    Page("home (kepala.opd)", "/", "kepala.opd"),
    Page("home (admin.bkpsdm)", "/", "admin.bkpsdm"),
    Page("home (walikota)", "/", "walikota"),
    Page("employee directory", "/organisasi/pegawai/", "admin.bkpsdm"),
    Page("employee search", "/organisasi/pegawai/?q=Muhammad", "admin.bkpsdm"),
    Page("employee profile", pegawai_profile, "penilai"),
    Page("org chart, largest OPD", largest_opd_chart, "admin.bkpsdm"),
    Page("unit list", "/organisasi/unit/", "pegawai"),
    Page("API employees", "/api/v1/employees/", "admin.bkpsdm", auth="token"),
    Page("API me", "/api/v1/me/", "pegawai", auth="token"),
    Page("my SKP (pegawai)", "/skp/", "pegawai"),
    Page("my SKP (penilai)", "/skp/", "penilai"),
    Page("SKP detail (penilai)", penilai_work_plan, "penilai"),
    Page("review queue (penilai)", "/skp/penilaian/", "penilai"),
    Page("cascade, demo OPD", demo_opd_cascade, "kepala.opd"),
    Page("SKP PDF (penilai)", penilai_work_plan_pdf, "penilai"),
    Page("API work plans", "/api/v1/work-plans/", "penilai", auth="token"),
    # Monitoring (issue 4). penilai is himself a member of kepala.opd's team with a year of daily progress.
    Page("daily progress (penilai)", "/pemantauan/", "penilai"),
    Page("daily progress, no SKP yet (pegawai)", "/pemantauan/", "pegawai"),
    Page("team at a glance (penilai)", "/pemantauan/tim/", "penilai"),
    Page("team at a glance (kepala.opd)", "/pemantauan/tim/", "kepala.opd"),
    Page("progress calendar (penilai)", "/pemantauan/kalender/", "penilai"),
    Page("SKP progress (penilai)", penilai_plan_progress, "penilai"),
    Page("SKP progress as its penilai (kepala.opd)", penilai_plan_progress, "kepala.opd"),
    Page("API progress (penilai)", "/api/v1/progress/", "penilai", auth="token"),
    Page("API SKP realisasi (penilai)", penilai_plan_realisasi_api, "penilai", auth="token"),
    Page("API dialogues (penilai)", "/api/v1/dialogues/", "penilai", auth="token"),
    Page("API appreciations (penilai)", "/api/v1/appreciations/", "penilai", auth="token"),
    # Evaluation (issue 5): seed_demo's Triwulan IV in progress and Triwulan I published.
    Page("rating page (penilai)", penilai_rating_page, "penilai"),
    Page("calibration, largest OPD", largest_opd_calibration, "admin.bkpsdm"),
    Page("calibration, demo OPD", demo_opd_calibration, "kepala.opd"),
    Page("result, Triwulan I (penilai)", penilai_q1_result, "penilai"),
]
