#!/usr/bin/env python3
"""Convert Natural Earth country polygons (world-atlas TopoJSON) to a small GeoJSON
file for East Asia.

Usage:
    python make_borders.py path/to/countries-50m.json [output.geojson]

Input: countries-50m.json from the npm package world-atlas@2.0.2 (ISC licence;
geometry from Natural Earth 1:50m Admin 0 countries, v4.1.0, public domain).
Output (default: borders.geojson beside this script): a GeoJSON FeatureCollection of
country (Multi)Polygons clipped to lon 95..145, lat 5..55, with properties
id (ISO 3166-1 numeric, as in world-atlas), iso_a2, name and clipped (true when the
country extends beyond the box, so some ring edges run along the box edge).

Standard library only. The TopoJSON decoding follows the TopoJSON specification:
quantized arcs are delta-encoded; positions are transformed with
transform.scale / transform.translate; a negative arc index ~i (that is -i-1)
means arc i traversed in reverse; consecutive arcs of a ring share an end point,
which is kept once.
"""
import json
import os
import sys

WEST, SOUTH, EAST, NORTH = 95.0, 5.0, 145.0, 55.0
DECIMALS = 3

# ISO 3166-1 numeric -> alpha-2 for the countries that can touch the box.
ISO_A2 = {
    "156": "CN", "408": "KP", "410": "KR", "643": "RU", "496": "MN", "392": "JP",
    "418": "LA", "704": "VN", "764": "TH", "116": "KH", "104": "MM", "158": "TW",
    "344": "HK", "446": "MO", "608": "PH", "458": "MY", "360": "ID", "096": "BN",
    "356": "IN", "050": "BD", "064": "BT", "524": "NP", "398": "KZ", "626": "TL",
    "316": "GU", "580": "MP", "583": "FM", "585": "PW",
}


def decode_arcs(topology):
    """Return the arcs as lists of [lon, lat] in degrees."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:
            sx, sy = transform["scale"]
            tx, ty = transform["translate"]
            x = y = 0
            points = []
            for dx, dy in arc:
                x += dx
                y += dy
                points.append([x * sx + tx, y * sy + ty])
        else:
            points = [list(p[:2]) for p in arc]
        arcs.append(points)
    return arcs


def ring_from_arcs(indexes, arcs):
    """Stitch the arcs of one ring; negative index ~i means arc i reversed."""
    ring = []
    for k, index in enumerate(indexes):
        if index < 0:
            points = arcs[~index][::-1]
        else:
            points = arcs[index]
        ring.extend(points if k == 0 else points[1:])
    return ring


def polygons_of(geometry, arcs):
    """Return a list of polygons, each a list of rings (first ring = exterior)."""
    kind = geometry.get("type")
    if kind == "Polygon":
        return [[ring_from_arcs(r, arcs) for r in geometry["arcs"]]]
    if kind == "MultiPolygon":
        return [[ring_from_arcs(r, arcs) for r in poly] for poly in geometry["arcs"]]
    return []


def clip_ring(ring):
    """Sutherland-Hodgman clipping of a closed ring against the box."""
    def clip(points, inside, cross):
        out = []
        if not points:
            return out
        prev = points[-1]
        for cur in points:
            if inside(cur):
                if not inside(prev):
                    out.append(cross(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cross(prev, cur))
            prev = cur
        return out

    def at_x(x0):
        def cross(p, q):
            t = (x0 - p[0]) / (q[0] - p[0])
            return [x0, p[1] + t * (q[1] - p[1])]
        return cross

    def at_y(y0):
        def cross(p, q):
            t = (y0 - p[1]) / (q[1] - p[1])
            return [p[0] + t * (q[0] - p[0]), y0]
        return cross

    points = ring[:-1] if ring and ring[0] == ring[-1] else ring[:]
    points = clip(points, lambda p: p[0] >= WEST, at_x(WEST))
    points = clip(points, lambda p: p[0] <= EAST, at_x(EAST))
    points = clip(points, lambda p: p[1] >= SOUTH, at_y(SOUTH))
    points = clip(points, lambda p: p[1] <= NORTH, at_y(NORTH))
    return points


def tidy(points):
    """Round, drop consecutive duplicates, close the ring; None if degenerate."""
    out = []
    for lon, lat in points:
        p = [round(lon, DECIMALS), round(lat, DECIMALS)]
        if not out or out[-1] != p:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    if len(out) < 3:
        return None
    out.append(list(out[0]))
    return out


def bbox_of(polygons):
    xs = [p[0] for poly in polygons for ring in poly for p in ring]
    ys = [p[1] for poly in polygons for ring in poly for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def convert(topology):
    arcs = decode_arcs(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        raw = polygons_of(geometry, arcs)
        if not raw:
            continue
        x0, y0, x1, y1 = bbox_of(raw)
        if x1 < WEST or x0 > EAST or y1 < SOUTH or y0 > NORTH:
            continue
        clipped = x0 < WEST or x1 > EAST or y0 < SOUTH or y1 > NORTH
        polygons = []
        for poly in raw:
            rings = []
            for i, ring in enumerate(poly):
                done = tidy(clip_ring(ring))
                if done is None:
                    if i == 0:
                        break  # exterior gone: drop the whole polygon
                    continue
                rings.append(done)
            if rings:
                polygons.append(rings)
        if not polygons:
            continue
        code = geometry.get("id", "")
        name = geometry.get("properties", {}).get("name", "")
        if len(polygons) == 1:
            geom = {"type": "Polygon", "coordinates": polygons[0]}
        else:
            geom = {"type": "MultiPolygon", "coordinates": polygons}
        features.append({
            "type": "Feature",
            "id": code,
            "properties": {"id": code, "iso_a2": ISO_A2.get(code, ""), "name": name,
                           "clipped": clipped},
            "geometry": geom,
        })
    features.sort(key=lambda f: f["properties"]["name"])
    return {
        "type": "FeatureCollection",
        "bbox": [WEST, SOUTH, EAST, NORTH],
        "features": features,
    }


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    source = argv[1]
    target = argv[2] if len(argv) > 2 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "borders.geojson")
    with open(source, encoding="utf-8") as f:
        topology = json.load(f)
    collection = convert(topology)
    with open(target, "w", encoding="utf-8") as f:
        json.dump(collection, f, separators=(",", ":"))
        f.write("\n")
    size = os.path.getsize(target)
    names = ", ".join(ft["properties"]["name"] for ft in collection["features"])
    print(f"wrote {target}: {len(collection['features'])} features, {size} bytes")
    print(names)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
