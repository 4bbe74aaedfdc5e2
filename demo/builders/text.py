"""How the demo's reports write numbers, dates and lists."""

from django.utils.html import escape


def roman(number):
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    text = ""
    for value, letters in numerals:
        while number >= value:
            text, number = text + letters, number - value
    return text


def slashed(day):
    return f"{day.day}/{day.month}/{day.year}"


def dashed(day):
    return f"{day.day}-{day.month}-{day.year}"


def lower_first(text):
    return text[:1].lower() + text[1:]


def two_digits(number):
    return f"{number:02}"


def thousands(number):
    return f"{number:,}".replace(",", ".")


def enumerate_vi(items):
    """ "A, B và C" """
    items = list(items)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} và {items[-1]}"


def paragraphs(*texts):
    return "".join(f"<p>{escape(text)}</p>" for text in texts if text)
