from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegisterConfig(AppConfig):
    name = "kwalibo.register"
    verbose_name = _("Register of recognitions")
