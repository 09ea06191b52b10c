"""Database housekeeping shared by the bulk loaders."""

from django.db import connection


def planner_statistics_refresh() -> None:
    """Refresh the query planner's statistics after a bulk load, as a DBA would.

    Straight after a bulk load PostgreSQL has no statistics on the new rows and plans the
    register check as a scan of all status periods (about 100 times slower) until
    autovacuum gets round to it. SQLite's ANALYZE feeds its planner the same way.
    """
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
