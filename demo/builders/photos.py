"""The photos of the demo, drawn on the spot: simple meeting scenes, a few of each, shared by many articles."""

import io
from functools import lru_cache
from math import cos, radians, sin

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

from articles.models import Photo
from demo import data


def draw(demo):
    for number, scene in enumerate(data.PHOTO_PLAN, start=1):
        photo = Photo(alt_text=data.PHOTO_SCENES[scene], credit=demo.rng.choice(data.PHOTOGRAPHERS))
        # why: assigned, not `image.save(..., save=False)`, which leaves width and height empty
        photo.image = ContentFile(draw_scene(scene, demo.rng), name=f"anh-mau-{number:02}-{scene}.jpg")
        photo.save()
        demo.photos[scene].append(photo)


@lru_cache
def font(size):
    try:
        return ImageFont.truetype("DejaVuSans-Bold.ttf", size)
    except OSError:
        return ImageFont.load_default(size=size)


def star(draw, cx, cy, radius, fill):
    points = []
    for n in range(10):
        r = radius if n % 2 == 0 else radius * 0.4
        angle = -90 + n * 36
        points.append((cx + r * cos(radians(angle)), cy + r * sin(radians(angle))))
    draw.polygon(points, fill=fill)


def person_shape(draw, x, y, scale, shirt, rng):
    head = 14 * scale
    skin = rng.choice(((224, 182, 150), (205, 160, 125), (232, 196, 165)))
    draw.rounded_rectangle((x - 22 * scale, y, x + 22 * scale, y + 60 * scale), radius=int(8 * scale), fill=shirt)
    draw.ellipse((x - head, y - 2 * head - 2, x + head, y - 2), fill=skin)
    draw.pieslice((x - head, y - 2 * head - 2, x + head, y - 2), 180, 360, fill=(35, 30, 30))


def draw_scene(scene, rng):
    """A 1200×800 JPEG of a meeting scene: hall, stage, red banner, flags, people drawn as simple shapes."""
    width, height = 1200, 800
    wall = rng.choice(((232, 220, 196), (214, 222, 232), (236, 226, 210), (220, 206, 186)))
    image = Image.new("RGB", (width, height), wall)
    draw = ImageDraw.Draw(image)
    shirts = ((245, 245, 245), (240, 240, 235), (52, 84, 140), (70, 110, 160), (190, 40, 50), (230, 230, 210))
    if scene == "outdoor":
        draw.rectangle((0, 0, width, 470), fill=(150, 195, 235))
        draw.rectangle((0, 470, width, height), fill=(112, 160, 90))
        for x in range(60, width, 170):
            draw.rectangle((x + 35, 330, x + 50, 470), fill=(100, 70, 40))
            draw.ellipse((x, 230, x + 90, 360), fill=(60, 120 + rng.randint(0, 40), 60))
        draw.rectangle((1040, 150, 1048, 560), fill=(120, 120, 120))
        draw.rectangle((1048, 150, 1180, 238), fill=(218, 37, 29))
        star(draw, 1114, 194, 30, (255, 221, 0))
        for row in range(2):
            for x in range(120 + row * 40, 980, 90):
                person_shape(draw, x + rng.randint(-10, 10), 520 + row * 110, 1.2 + row * 0.3, rng.choice(shirts), rng)
    else:
        floor = tuple(max(0, c - 70) for c in wall)
        draw.rectangle((0, 540, width, height), fill=floor)
        draw.rectangle((60, 400, 1140, 540), fill=(150, 90, 60))
        draw.rectangle((60, 400, 1140, 412), fill=(120, 70, 45))
        draw.rectangle((150, 50, 1050, 250), fill=(196, 22, 28))
        draw.rectangle((160, 60, 1040, 240), outline=(255, 214, 0), width=4)
        for text, size, y in ((data.ROOT["name"].upper(), 30, 85), (rng.choice(data.BANNERS[scene]), 40, 150)):
            while draw.textlength(text, font=font(size)) > 840:
                size -= 2
            left = (width - draw.textlength(text, font=font(size))) / 2
            draw.text((left, y), text, font=font(size), fill=(255, 221, 0))
        draw.rectangle((70, 90, 130, 130), fill=(218, 37, 29))
        star(draw, 100, 110, 14, (255, 221, 0))
        draw.rectangle((1070, 90, 1130, 130), fill=(218, 37, 29))
        star(draw, 1100, 110, 14, (255, 221, 0))
        if scene in ("hall", "podium"):
            draw.rectangle((200, 330, 1000, 400), fill=(235, 235, 240))
            for x in range(240, 980, 80):
                person_shape(draw, x, 310, 0.8, rng.choice(shirts), rng)
            draw.rectangle((200, 360, 1000, 400), fill=(200, 30, 40))
        if scene == "podium":
            draw.polygon(((1030, 400), (1150, 400), (1135, 290), (1045, 290)), fill=(130, 75, 40))
            draw.ellipse((1075, 315, 1105, 345), fill=(255, 214, 0))
            person_shape(draw, 1090, 240, 1.2, rng.choice(shirts[:4]), rng)
        if scene == "hall":
            for row in range(4):
                scale = 1.0 + row * 0.35
                for x in range(40 + row * 25, width, int(70 * scale)):
                    person_shape(draw, x + rng.randint(-6, 6), 600 + row * 55, scale, rng.choice(shirts), rng)
        if scene == "table":
            for x in range(260, 960, 110):
                person_shape(draw, x, 500, 1.1, rng.choice(shirts), rng)
            draw.rounded_rectangle((180, 560, 1020, 660), radius=20, fill=(240, 240, 235))
            draw.rectangle((180, 640, 1020, 700), fill=(130, 80, 50))
            for x in range(300, 960, 140):
                draw.rectangle((x, 580, x + 60, 600), fill=(250, 250, 250))
        if scene == "ceremony":
            for x in range(180, 1060, 110):
                person_shape(draw, x, 300, 1.4, rng.choice(shirts), rng)
                draw.ellipse(
                    (x - 12, 360, x + 18, 390), fill=rng.choice(((230, 60, 90), (250, 200, 40), (240, 120, 40)))
                )
            for x in range(60, width, 95):
                person_shape(draw, x + rng.randint(-8, 8), 640, 1.6, rng.choice(shirts), rng)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()
