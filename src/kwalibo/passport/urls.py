"""Web pages of the passport app, mounted at /bodempaspoort/."""

from django.urls import path

from kwalibo.passport import views

app_name = "passport"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("verificatie/", views.verify_lookup, name="verify-lookup"),
    path("verificatie/<str:number>/", views.verify, name="verify"),
    path("mvb/<str:number>/", views.declaration_detail, name="declaration"),
    path("mvb/<str:number>.pdf", views.declaration_pdf_download, name="declaration-pdf"),
    path("zendingen/<str:number>/", views.consignment_detail, name="consignment"),
    path("revisies/<int:revision_id>/antwoord/", views.revision_answer, name="revision-answer"),
    path("meldingen/", views.notifications, name="notifications"),
    path("balans/", views.balance, name="balance"),
    path("projecten/<str:code>/balans/", views.project_balance, name="project-balance"),
    path("kaart/", views.soil_flow_map, name="map"),
]
