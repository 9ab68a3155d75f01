from django.urls import path

from kinerja.evaluation.views import batches, calculator, evaluations, forum, home, objections, org_ratings

app_name = "evaluation"
urlpatterns = [
    path("", home.evaluation_home, name="home"),
    path("periode/<int:period_pk>/tim/", evaluations.team, name="team"),
    path("<int:pk>/", evaluations.evaluation_page, name="detail"),
    path("<int:pk>/nilai/", evaluations.rate, name="rate"),
    path("<int:pk>/penilaian-diri/", evaluations.self_assess, name="self-assess"),
    path("<int:pk>/keberatan/", objections.file_objection, name="objection-file"),
    path("keberatan/<int:pk>/", objections.objection_page, name="objection"),
    path("keberatan/<int:pk>/penjelasan/", objections.explain, name="objection-explain"),
    path("keberatan/<int:pk>/keputusan/", objections.decide, name="objection-decide"),
    path("keberatan/lampiran/<int:pk>/", objections.attachment, name="objection-attachment"),
    path("organisasi/", org_ratings.org_ratings, name="org-ratings"),
    path("organisasi/<int:unit_pk>/<int:period_pk>/", org_ratings.set_org_rating, name="org-rating-set"),
    path("kalkulator/", calculator.calculator, name="calculator"),
    path("kalibrasi/", forum.forum_list, name="forums"),
    path("kalibrasi/<int:agency_pk>/<int:period_pk>/", forum.forum_page, name="forum"),
    path("forum/<int:pk>/ubah/", forum.forum_update, name="forum-update"),
    path("forum/<int:pk>/penyesuaian/", forum.forum_adjust, name="forum-adjust"),
    path("forum/<int:pk>/saran/", forum.forum_apply_suggestion, name="forum-suggestion"),
    path("forum/<int:pk>/kunci/", forum.forum_lock, name="forum-lock"),
    path("dokumen/<int:agency_pk>/<int:period_pk>/", batches.batch_page, name="batches"),
    path("paket/<int:pk>/", batches.batch_progress, name="batch"),
]
