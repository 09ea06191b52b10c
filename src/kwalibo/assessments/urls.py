"""Web pages of the assessments app, mounted at /toetsing/."""

from django.urls import URLPattern, path

from kwalibo.assessments import views

app_name = "assessments"

urlpatterns: list[URLPattern] = [
    path("", views.upload, name="upload"),
    path("<str:token>/", views.result, name="result"),
    path("<str:token>/toetsing.csv", views.download_csv, name="download-csv"),
    path("<str:token>/berichten.csv", views.download_messages, name="download-messages"),
    path("<str:token>/toetsing.xlsx", views.download_xlsx, name="download-xlsx"),
    path("<str:token>/toetsing.pdf", views.download_pdf, name="download-pdf"),
]
