"""URL wiring: each app mounts its own urls.py (HTML) and api_urls.py (under api/v1/)."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from kinerja.core import views as core_views

api_v1 = [
    path("", include("kinerja.accounts.api_urls")),
    path("", include("kinerja.organization.api_urls")),
    path("", include("kinerja.audit.api_urls")),
    path("", include("kinerja.planning.api_urls")),
    path("", include("kinerja.monitoring.api_urls")),
    path("", include("kinerja.evaluation.api_urls")),
]

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", include((api_v1, "api"), namespace="api")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("akun/", include("kinerja.accounts.urls")),
    path("organisasi/", include("kinerja.organization.urls")),
    path("audit/", include("kinerja.audit.urls")),
    path("impor/", include("kinerja.imports.urls")),
    path("skp/", include("kinerja.planning.urls")),
    path("notifikasi/", include("kinerja.notifications.urls")),
    path("pemantauan/", include("kinerja.monitoring.urls")),
    path("evaluasi/", include("kinerja.evaluation.urls")),
    path("", include("kinerja.documents.urls")),
    path("", include("kinerja.core.urls")),
]
