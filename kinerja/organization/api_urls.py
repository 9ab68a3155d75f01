from django.urls import path

from kinerja.organization import api

urlpatterns = [
    path("org-units/", api.OrgUnitListApi.as_view(), name="org-unit-list"),
    path("org-units/<int:pk>/", api.OrgUnitDetailApi.as_view(), name="org-unit-detail"),
    path("positions/", api.PositionListApi.as_view(), name="position-list"),
    path("positions/<int:pk>/", api.PositionDetailApi.as_view(), name="position-detail"),
    path("employees/", api.EmployeeListApi.as_view(), name="employee-list"),
    path("employees/<int:pk>/", api.EmployeeDetailApi.as_view(), name="employee-detail"),
]
