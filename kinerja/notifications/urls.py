from django.urls import path

from kinerja.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("<int:pk>/dibaca/", views.notification_read, name="mark-read"),
    path("semua-dibaca/", views.notifications_read_all, name="mark-all-read"),
]
