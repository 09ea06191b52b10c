"""`kwalibo makemessages`: Django's makemessages that also finds the domain's `N_` markers.

Domain modules may not import Django, so they mark their message templates with the
no-op `kwalibo.common.domain.errors.N_` instead of `gettext_noop`. Django's makemessages
has no option to add an xgettext keyword; this command adds `--keyword` (repeatable) and
always includes `N_`, so that running it without the option does not drop the domain
messages from the catalogues as obsolete.
"""

from typing import Any

from django.core.management.commands import makemessages

DOMAIN_MARKERS = ("N_",)


class Command(makemessages.Command):
    help = (
        makemessages.Command.help
        + " Also extracts messages marked with the domain's N_() and any --keyword given."
    )

    def add_arguments(self, parser: Any) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--keyword",
            action="append",
            default=[],
            dest="keywords",
            help="An extra xgettext keyword (a function that marks a message); repeatable.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        keywords = dict.fromkeys([*DOMAIN_MARKERS, *options.pop("keywords", [])])
        self.xgettext_options = [
            *makemessages.Command.xgettext_options,
            *(f"--keyword={keyword}" for keyword in keywords),
        ]
        super().handle(*args, **options)
