from django.urls import reverse

from kinerja.monitoring import services
from kinerja.monitoring.selectors import feedback_per_penilai


def test_a_penilai_who_gave_no_feedback_is_listed_first_with_zero(monitoring_cast):
    cast = monitoring_cast
    today_rows = feedback_per_penilai([cast.root], cast.year.pk, cast.year.start_date, cast.year.end_date)
    by_name = {row["name"]: row for row in today_rows}
    assert by_name[cast.employee("supervisor").full_name]["feedback"] == 0
    services.feedback_give(
        actor=cast.user("supervisor"), work_plan=cast.staff_plan, text="Bagus", item=cast.staff_plan.items.first()
    )
    rows = feedback_per_penilai([cast.root], cast.year.pk, cast.year.start_date, cast.year.end_date)
    sam = next(row for row in rows if row["name"] == cast.employee("supervisor").full_name)
    assert sam["feedback"] == 1
    assert rows[-1]["feedback"] >= rows[0]["feedback"]


def test_admin_bkpsdm_sees_the_report_and_staff_do_not(client, monitoring_cast):
    client.force_login(monitoring_cast.user("admin_bkpsdm"))
    response = client.get(reverse("monitoring:feedback-report"))
    assert response.status_code == 200
    assert monitoring_cast.employee("supervisor").full_name in response.content.decode()
    client.force_login(monitoring_cast.user("staff"))
    assert client.get(reverse("monitoring:feedback-report")).status_code == 403


def test_admin_opd_sees_only_penilai_of_their_agency(client, monitoring_cast):
    rows = feedback_per_penilai(
        [monitoring_cast.opd_b], monitoring_cast.year.pk, monitoring_cast.year.start_date, monitoring_cast.year.end_date
    )
    names = {row["name"] for row in rows}
    assert monitoring_cast.employee("supervisor").full_name not in names
