FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# a build-only key: the settings refuse to start without one; the real key comes from the environment at run time
RUN DEBUG=false SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput
RUN useradd --create-home newsroom && mkdir -p /app/media && chown newsroom /app/media
USER newsroom
EXPOSE 8000
CMD ["gunicorn", "newsroom.wsgi:application", "--config", "gunicorn.conf.py"]
