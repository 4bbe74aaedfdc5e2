"""Chart geometry for server-rendered SVG: the templates draw what these compute, in a viewBox that scales."""

import math

WIDTH = 720
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 48


def nice_ceiling(value):
    """The smallest 1, 2 or 5 times a power of ten at or above `value` (at least 1)."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


def ticks(top, count=4):
    return [round(top * n / count) for n in range(count + 1)]


def line_chart(series, *, height=280):
    """series: [(label, value)] in order; every n-th label is printed so that they never overlap."""
    top = nice_ceiling(max((value for _, value in series), default=0))
    inner_w, inner_h = WIDTH - LEFT - RIGHT, height - TOP - BOTTOM
    step = inner_w / max(len(series) - 1, 1)
    points = [
        {
            "x": round(LEFT + i * step, 1),
            "y": round(TOP + inner_h * (1 - value / top), 1),
            "label": label,
            "value": value,
        }
        for i, (label, value) in enumerate(series)
    ]
    every = max(1, math.ceil(len(series) / 12))
    return {
        "width": WIDTH,
        "height": height,
        "points": points,
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in points),
        "labels": points[::every],
        "grid": [{"y": round(TOP + inner_h * (1 - v / top), 1), "value": v} for v in ticks(top)],
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "baseline": TOP + inner_h,
        "label_y": TOP + inner_h + 20,
    }


def bar_chart(items, *, label_width=300, bar_height=18, gap=8):
    """items: [(label, value)]; horizontal bars, longest first as given."""
    top = nice_ceiling(max((value for _, value in items), default=0))
    inner_w = WIDTH - label_width - RIGHT - 40
    bars = []
    for i, (label, value) in enumerate(items):
        y = TOP + i * (bar_height + gap)
        width = round(inner_w * value / top, 1)
        bars.append(
            {
                "label": label if len(label) <= 44 else label[:43] + "…",
                "value": value,
                "y": y,
                "text_y": y + bar_height - 4,
                "width": width,
                "value_x": label_width + width + 6,
            }
        )
    return {
        "width": WIDTH,
        "height": TOP * 2 + len(items) * (bar_height + gap),
        "bars": bars,
        "bar_height": bar_height,
        "label_x": label_width - 8,
        "bar_x": label_width,
    }


def stacked_chart(tallies, *, height=300):
    """tallies: YearTally objects; one bar per year (oldest first), each level's share of 100 %."""
    years = sorted(tallies, key=lambda tally: tally.year)
    inner_w, inner_h = WIDTH - LEFT - RIGHT, height - TOP - BOTTOM
    slot = inner_w / max(len(years), 1)
    bar_w = round(min(48, slot * 0.7), 1)
    bars = []
    for i, tally in enumerate(years):
        x = round(LEFT + i * slot + (slot - bar_w) / 2, 1)
        y, segments = TOP + inner_h, []
        for share in tally.shares:
            h = round(inner_h * share.percent / 100, 1) if tally.total else 0
            if h:
                y = round(y - h, 1)
                segments.append({"y": y, "height": h, "order": share.level.order, "share": share})
        bars.append({"x": x, "label_x": round(x + bar_w / 2, 1), "year": tally.year, "segments": segments})
    schemes = []
    for tally in years:
        if tally.scheme and all(s["scheme"] != tally.scheme for s in schemes):
            schemes.append({"scheme": tally.scheme, "levels": [share.level for share in tally.shares]})
    return {
        "width": WIDTH,
        "height": height,
        "bars": bars,
        "bar_width": bar_w,
        "grid": [{"y": round(TOP + inner_h * (1 - v / 100), 1), "value": v} for v in (0, 25, 50, 75, 100)],
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "label_y": TOP + inner_h + 20,
        "schemes": schemes,
    }
