"""The `kwalibo` command: Django's manage.py under the project's own name."""

import os
import sys


def main() -> None:
    """Run a management command (`kwalibo migrate`, `kwalibo serve`, `kwalibo demo-data`...)."""
    argv = list(sys.argv)
    if len(argv) > 1:
        # Domain commands are spelled with dashes on the command line (import-register),
        # Django needs valid module names (import_register).
        argv[1] = argv[1].replace("-", "_")
    from kwalibo.conf import standalone

    if len(argv) > 1 and argv[1] in standalone.COMMANDS:
        standalone.run(argv)
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kwalibo.conf.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
