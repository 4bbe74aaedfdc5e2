"""An iCalendar (RFC 5545) file of schedule items: written by hand, the format is a few lines of text."""

from datetime import UTC, timedelta

from django.utils import timezone

from .schedule import combine

PRODID = "-//Tin tuc Dang bo//Lich cong tac//VI"


def escape(value):
    return (
        (value or "")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r", "")
        .replace("\n", "\\n")
    )


def fold_line(line):
    """Lines longer than 75 octets go on in lines starting with a space, never inside a UTF-8 character."""
    encoded, pieces, limit = line.encode(), [], 75
    while len(encoded) > limit:
        cut = limit
        while cut and (encoded[cut] & 0xC0) == 0x80:
            cut -= 1
        pieces.append(encoded[:cut].decode())
        encoded, limit = encoded[cut:], 74
    pieces.append(encoded.decode())
    return "\r\n ".join(pieces)


def utc(moment):
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(items, *, name, site_url, now=None):
    host = site_url.split("://", 1)[-1]
    now = now or timezone.now()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
        "X-WR-TIMEZONE:Asia/Ho_Chi_Minh",
    ]
    for item in items:
        lines += ["BEGIN:VEVENT", f"UID:{item.uid}@{host}", f"DTSTAMP:{utc(now)}"]
        if item.all_day:
            lines += [
                f"DTSTART;VALUE=DATE:{item.day:%Y%m%d}",
                f"DTEND;VALUE=DATE:{item.day + timedelta(days=1):%Y%m%d}",
            ]
        else:
            lines.append(f"DTSTART:{utc(combine(item.day, item.starts))}")
            if item.ends:
                lines.append(f"DTEND:{utc(combine(item.day, item.ends))}")
        lines.append(f"SUMMARY:{escape(item.title)}")
        if item.location:
            lines.append(f"LOCATION:{escape(item.location)}")
        description = [f"Đơn vị: {item.unit.name}"]
        if item.leaders:
            description.append("Lãnh đạo: " + ", ".join(item.leaders))
        lines.append(f"DESCRIPTION:{escape(chr(10).join(description))}")
        if item.url:
            lines.append(f"URL:{site_url}{item.url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + "\r\n" for line in lines)
