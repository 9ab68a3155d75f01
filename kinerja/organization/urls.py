from django.urls import path

from kinerja.organization import views

app_name = "organization"
urlpatterns = [
    path("pegawai/", views.employee_list, name="employee-list"),
    path("pegawai/<int:pk>/", views.employee_detail, name="employee-detail"),
    path("saya/", views.my_profile, name="my-profile"),
    path("unit/", views.unit_list, name="unit-list"),
    path("unit/<int:pk>/", views.unit_detail, name="unit-detail"),
]
