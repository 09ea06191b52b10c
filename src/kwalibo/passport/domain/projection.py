"""Coordinates: RD New (EPSG:28992, the Dutch national grid) and WGS84 (EPSG:4326).

Sites are stored in RD New, the system Dutch soil data use (SIKB0101, Bodemloket). Maps and
GeoJSON (RFC 7946 §4) need WGS84 longitude/latitude. pyproj transforms between them; without
the optional RDNAPTRANS™ correction grid the result is within about a metre, enough for a map.
The RD grid's domain (x -7,000..300,000 m, y 289,000..629,000 m) bounds what is accepted.
"""

from functools import cache

from pyproj import Transformer

from kwalibo.common.domain.errors import N_, DomainError

RD_X_RANGE = (-7_000.0, 300_000.0)
RD_Y_RANGE = (289_000.0, 629_000.0)


@cache
def _to_wgs84() -> Transformer:
    return Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True)


@cache
def _to_rd() -> Transformer:
    return Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True)


def rd_check(x: float, y: float) -> None:
    """Refuse RD coordinates outside the Netherlands' grid.

    Raises:
        DomainError: x or y is outside the RD domain.
    """
    if not (RD_X_RANGE[0] <= x <= RD_X_RANGE[1] and RD_Y_RANGE[0] <= y <= RD_Y_RANGE[1]):
        raise DomainError(N_("These are not RD New coordinates in the Netherlands."))


def rd_to_wgs84(x: float, y: float) -> tuple[float, float]:
    """(longitude, latitude) in degrees for RD New (x, y) in metres."""
    longitude, latitude = _to_wgs84().transform(x, y)
    return round(float(longitude), 7), round(float(latitude), 7)


def wgs84_to_rd(longitude: float, latitude: float) -> tuple[float, float]:
    """RD New (x, y) in metres for WGS84 (longitude, latitude)."""
    x, y = _to_rd().transform(longitude, latitude)
    return round(float(x), 2), round(float(y), 2)
