"""`kwalibo serve`: run the platform with gunicorn (a production WSGI server)."""

from typing import Any

from django.core.management.base import BaseCommand
from gunicorn.app.base import BaseApplication


class _Server(BaseApplication):  # type: ignore[misc]
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        # Imported in each worker after the fork: Polars' thread pool does not survive a fork,
        # so a pool started in the master (rule sets read while importing the URLconf) left
        # every worker hanging on its first assessment.
        from kwalibo.conf.wsgi import application

        return application


class Command(BaseCommand):
    help = "Serve the platform over HTTP with gunicorn."
    # The system checks import the URLconf, and with it Polars work, in the master process;
    # each worker sets Django up itself.
    requires_system_checks: list[str] = []  # type: ignore[assignment]

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--threads", type=int, default=4)

    def handle(
        self, *args: Any, host: str, port: int, workers: int, threads: int, **options: Any
    ) -> None:
        url = f"http://{host}:{port}/"
        self.stdout.write(self.style.SUCCESS(f"Kwalibo draait op {url}  (stoppen: Ctrl+C)"))
        _Server(
            {
                "bind": f"{host}:{port}",
                "workers": workers,
                "threads": threads,
                "accesslog": "-",
                "errorlog": "-",
                "loglevel": "warning",
            }
        ).run()
