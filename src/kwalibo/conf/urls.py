"""URL map: public register pages, API v1, back-office admin, health check."""

from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from kwalibo.common.views import healthz

admin.site.site_header = _("Kwalibo back-office")
admin.site.site_title = _("Kwalibo back-office")
admin.site.index_title = _("Register management")

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("api/v1/", include("kwalibo.api.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("kwalibo.accounts.urls")),
    path("toetsing/", include("kwalibo.assessments.urls")),
    path("bodempaspoort/", include("kwalibo.passport.urls")),
    path("", include("kwalibo.register.urls")),
]
