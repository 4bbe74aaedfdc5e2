# syntax=docker/dockerfile:1
# Stages: build (wheels) → app (code and collected static files) → nginx (the front: nginx with those static files
# and deploy/nginx/) → web (the default target: gunicorn as a user without rights). docker-compose.yml builds
# "nginx" for its nginx service and "web" for web, worker and migrate.

FROM python:3.11-slim-bookworm AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1
COPY requirements.txt .
# Every pin has a binary wheel; a package that had to be compiled would get its compiler here, never below.
RUN pip wheel --no-cache-dir --wheel-dir /wheels -r requirements.txt

FROM python:3.11-slim-bookworm AS app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
COPY requirements.txt .
RUN --mount=type=bind,from=build,source=/wheels,target=/wheels \
    pip install --no-cache-dir --no-index --find-links /wheels -r requirements.txt
COPY . .
# a build-only key: the settings refuse to start without one; the real key comes from the environment at run time
RUN DEBUG=false SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput

FROM nginx:1.28-bookworm AS nginx
# The variables of deploy/nginx/templates/ (explained there); the compose file chooses the media source.
ENV NEWSROOM_LISTEN=80 \
    NEWSROOM_WEB=web:8000 \
    NEWSROOM_RESOLVER=127.0.0.11 \
    NEWSROOM_STATIC_ROOT=/srv/static \
    NEWSROOM_ERRORS_ROOT=/srv/errors \
    NEWSROOM_MEDIA=filesystem \
    NEWSROOM_MEDIA_ROOT=/srv/media \
    NEWSROOM_S3_ORIGIN=http://minio:9000 \
    NEWSROOM_S3_BUCKET=newsroom-media
RUN rm /etc/nginx/conf.d/default.conf
COPY --from=app /app/staticfiles /srv/static
COPY deploy/nginx/errors /srv/errors
COPY deploy/nginx/templates /etc/nginx/templates

FROM app AS web
# pg_dump and pg_restore for manage.py backup / restore (the client of the compose file's PostgreSQL 15)
RUN apt-get update && apt-get install --yes --no-install-recommends postgresql-client-15 \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 1000 newsroom && mkdir -p /app/media && chown newsroom /app/media
USER newsroom
EXPOSE 8000
CMD ["gunicorn", "newsroom.wsgi:application", "--config", "gunicorn.conf.py"]
