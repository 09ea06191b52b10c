"""API v1: root, OpenAPI schema and interactive documentation, and each app's endpoints."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from kwalibo.api.views import api_root

urlpatterns = [
    path("", api_root, name="api-root"),
    path("schema", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("redoc", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
    path("register/", include("kwalibo.register.api")),
    path("", include("kwalibo.assessments.api")),
    path("", include("kwalibo.passport.api")),
]
