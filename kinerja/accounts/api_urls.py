from django.urls import path

from kinerja.accounts import api

urlpatterns = [
    path("auth/token/", api.AuthTokenApi.as_view(), name="auth-token"),
    path("me/", api.MeApi.as_view(), name="me"),
]
