"""Rule sets of the soil-quality assessment as versioned data, one directory per rule set.

Each directory holds a ``manifest.yaml`` (id, title, validity period, legal source per table,
article references) and tidy CSV tables: substances, aliases, norms per frame, standardisation
constants, reporting limits and sum definitions. ``kwalibo.assessments.domain.rules`` loads and
caches them; a newer regulation is added as a new directory, not as code.
"""
