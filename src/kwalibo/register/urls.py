from django.urls import path

from kwalibo.register import views

app_name = "register"

urlpatterns = [
    path("", views.search, name="search"),
    path(
        "register/organisaties/<int:organisation_id>/",
        views.organisation_detail,
        name="organisation",
    ),
    path("register/werkzaamheden/", views.activities, name="activities"),
    path("register/export.csv", views.export_csv, name="export-csv"),
    path("register/export.json", views.export_json, name="export-json"),
]
