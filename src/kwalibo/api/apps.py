from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "kwalibo.api"
    verbose_name = "API"
