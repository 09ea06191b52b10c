from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PassportConfig(AppConfig):
    name = "kwalibo.passport"
    verbose_name = _("Soil-flow passport")
