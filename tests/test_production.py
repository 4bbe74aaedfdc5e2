"""The site as production serves it: Debian's nginx, configured from deploy/nginx/, in front of gunicorn.

nginx runs as a child of the test (not a daemon), from a configuration rendered into the test's temporary
directory the way the nginx image renders its templates, on a free loopback port, and is stopped by PID."""

import gzip
import io
import json
import os
import pwd
import re
import socket
import subprocess
import threading
import time
import urllib.request
from html.parser import HTMLParser
from http.client import HTTPConnection
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.conftest import free_port, require
from tests.deploy import compose_services, stage_env
from tests.factories import ArticleFactory
from tests.quality.pages import report_with_gallery

ROOT = Path(settings.BASE_DIR)
NGINX = Path("/usr/sbin/nginx")
NGINX_DIR = ROOT / "deploy" / "nginx"
TEMPLATE_VARIABLE = re.compile(r"\$\{(NEWSROOM_\w+)\}")
FINGERPRINTED = re.compile(r"\.[0-9a-f]{12}\.\w+$")  # WhiteNoise's manifest names: site.3f2a1b4c5d6e.css
LONG_CACHE = "public, max-age=31536000, immutable"

# The image's /etc/nginx/nginx.conf, with every path it writes moved into the test's directory.
MAIN_CONF = """\
daemon off;
user {user};
worker_processes 1;
pid {directory}/nginx.pid;
error_log {directory}/error.log warn;
events {{
    worker_connections 64;
}}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log {directory}/access.log;
    client_body_temp_path {directory}/temp/body;
    proxy_temp_path {directory}/temp/proxy;
    fastcgi_temp_path {directory}/temp/fastcgi;
    uwsgi_temp_path {directory}/temp/uwsgi;
    scgi_temp_path {directory}/temp/scgi;
    include conf.d/*.conf;
}}
"""


def render_nginx_conf(directory, values):
    """deploy/nginx/templates/*.template into directory/conf.d/, as the nginx image's entrypoint does (envsubst of
    the variables it is given), and a main nginx.conf that includes them."""
    (directory / "conf.d").mkdir(parents=True)
    (directory / "temp").mkdir()
    for template in sorted((NGINX_DIR / "templates").glob("*.template")):
        text = TEMPLATE_VARIABLE.sub(lambda match: str(values.get(match[1], match[0])), template.read_text())
        (directory / "conf.d" / template.name.removesuffix(".template")).write_text(text)
    conf = directory / "nginx.conf"
    conf.write_text(MAIN_CONF.format(user=pwd.getpwuid(os.geteuid()).pw_name, directory=directory))
    return conf


def nginx_command(directory, conf, *args):
    return [str(NGINX), "-p", str(directory), "-c", str(conf), "-e", str(directory / "error.log"), *args]


def template_values(port, **values):
    """The variables of deploy/nginx/templates/ for a test: the repository's error pages, nothing behind them."""
    return {
        "NEWSROOM_LISTEN": f"127.0.0.1:{port}",
        "NEWSROOM_RESOLVER": "127.0.0.1",
        "NEWSROOM_WEB": "127.0.0.1:9",
        "NEWSROOM_STATIC_ROOT": "/nonexistent/static",
        "NEWSROOM_ERRORS_ROOT": NGINX_DIR / "errors",
        "NEWSROOM_MEDIA": "filesystem",
        "NEWSROOM_MEDIA_ROOT": "/nonexistent/media",
        "NEWSROOM_S3_ORIGIN": "http://127.0.0.1:9",
        "NEWSROOM_S3_BUCKET": "newsroom-media",
        **values,
    }


@pytest.fixture
def nginx(tmp_path):
    """nginx(**template variables) -> its base URL: Debian's nginx on a free loopback port, stopped at teardown."""
    require(NGINX.exists(), f"{NGINX} is missing (Debian package nginx; .ci/run installs it)")
    servers = []

    def start(**values):
        directory = tmp_path / f"nginx-{len(servers)}"
        port = free_port()
        conf = render_nginx_conf(directory, template_values(port, **values))
        server = subprocess.Popen(nginx_command(directory, conf), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        servers.append(server)
        for _ in range(100):
            if server.poll() is not None:
                pytest.fail(f"nginx stopped: {(directory / 'error.log').read_text()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return f"http://127.0.0.1:{port}"
            except OSError:
                time.sleep(0.05)
        pytest.fail(f"nginx did not listen on {port}: {(directory / 'error.log').read_text()}")

    yield start
    for server in servers:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


class Upstream(ThreadingHTTPServer):
    """A server behind nginx that records what it was sent and answers `reply` (status, headers, body)."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), UpstreamHandler)
        self.requests = []
        self.reply = (200, {"Content-Type": "text/html; charset=utf-8"}, b"<p>Tin tuc</p>" * 200)

    @property
    def address(self):
        return f"127.0.0.1:{self.server_address[1]}"


class UpstreamHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        length = int(self.headers.get("Content-Length") or 0)
        received = 0
        while received < length:
            received += len(self.rfile.read(min(length - received, 1 << 20)))
        self.server.requests.append({"path": self.path, "headers": self.headers, "body": received})
        status, headers, body = self.server.reply
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_HEAD = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture
def upstream():
    server = Upstream()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def fetch(url, method="GET", headers=None):
    """(status, headers, body) of a request, whatever its status."""
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.headers, response.read()
    except HTTPError as error:
        with error:
            return error.code, error.headers, error.read()


def test_proxy_passes_the_path_client_address_scheme_and_host(nginx, upstream):
    base = nginx(NEWSROOM_WEB=upstream.address)
    path = "/tim-kiem/?q=h%E1%BB%99i+ngh%E1%BB%8B"
    status, _headers, _body = fetch(base + path, headers={"X-Forwarded-For": "203.0.113.9"})
    assert status == 200
    [seen] = upstream.requests
    assert seen["path"] == path
    assert seen["headers"]["Host"] == urlsplit(base).netloc  # with the port: absolute URLs point back through nginx
    # nginx appends the address it saw: TRUSTED_PROXY_COUNT=1 takes that one, not what the client wrote
    assert seen["headers"]["X-Forwarded-For"] == "203.0.113.9, 127.0.0.1"
    assert seen["headers"]["X-Forwarded-Proto"] == "http"


def test_pages_are_gzipped(nginx, upstream):
    base = nginx(NEWSROOM_WEB=upstream.address)
    status, headers, body = fetch(base + "/", headers={"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body).startswith(b"<p>Tin tuc</p>")


def test_nginx_keeps_only_the_pages_django_marks_and_never_for_a_signed_in_editor(nginx, upstream):
    base = nginx(NEWSROOM_WEB=upstream.address)
    page = {"Content-Type": "text/html; charset=utf-8", "Cache-Control": "max-age=0, must-revalidate"}
    # as Django sends it: nginx reads X-Accel-Expires only when it comes before Cache-Control
    upstream.reply = (200, {"X-Accel-Expires": "60", **page}, b"<p>Tin tuc</p>")
    for _ in range(3):
        status, headers, _body = fetch(base + "/tin-tuc/")
        assert status == 200 and "X-Accel-Expires" not in headers
    assert len(upstream.requests) == 1  # kept: asked of Django once
    fetch(base + "/tin-tuc/", headers={"Cookie": "sessionid=abc"})
    fetch(base + "/tin-tuc/", headers={"Cookie": "messages=abc"})
    assert len(upstream.requests) == 3  # an editor, a visitor with a notice: always Django
    upstream.reply = (200, page, b"<p>Khong giu</p>")  # what Django does not cache (no X-Accel-Expires)
    fetch(base + "/hoi-nghi/")
    fetch(base + "/hoi-nghi/")
    assert len(upstream.requests) == 5


def test_uploads_up_to_the_django_limit_pass_and_larger_ones_get_a_vietnamese_413(nginx, upstream):
    base = nginx(NEWSROOM_WEB=upstream.address)
    host, port = urlsplit(base).hostname, urlsplit(base).port
    allowed = settings.IMAGE_MAX_UPLOAD_BYTES + 64 * 1024  # the largest photo Django takes, in a multipart form
    connection = HTTPConnection(host, port, timeout=30)
    connection.request("POST", "/bien-tap/tai-anh/", body=b"x" * allowed)
    assert connection.getresponse().status == 200
    assert upstream.requests[-1]["body"] == allowed

    # nginx answers on the headers alone: the body is never sent
    connection = HTTPConnection(host, port, timeout=30)
    connection.putrequest("POST", "/bien-tap/tai-anh/")
    connection.putheader("Content-Length", str(settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1))
    connection.endheaders()
    response = connection.getresponse()
    assert response.status == 413
    assert "Tệp gửi lên quá lớn" in response.read().decode()
    assert len(upstream.requests) == 1


def test_a_vietnamese_page_answers_when_the_web_service_is_down(nginx):
    base = nginx(NEWSROOM_WEB=f"127.0.0.1:{free_port()}")
    status, headers, body = fetch(base + "/")
    assert status == 502
    assert headers["Content-Type"].startswith("text/html")
    assert "Hệ thống đang tạm dừng" in body.decode()


def test_static_files_are_cached_for_a_year_only_under_fingerprinted_names(nginx, tmp_path):
    static = tmp_path / "static"
    (static / "css").mkdir(parents=True)
    css = b"body { color: #222; }\n" * 100
    (static / "css" / "site.css").write_bytes(css)
    (static / "css" / "site.3f2a1b4c5d6e.css").write_bytes(css)
    base = nginx(NEWSROOM_STATIC_ROOT=static)

    status, headers, body = fetch(base + "/static/css/site.3f2a1b4c5d6e.css", headers={"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Type"] == "text/css"
    assert headers["Cache-Control"] == LONG_CACHE
    assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == css

    status, headers, _body = fetch(base + "/static/css/site.css")
    assert status == 200
    assert "immutable" not in headers["Cache-Control"]
    assert int(re.search(r"max-age=(\d+)", headers["Cache-Control"])[1]) <= 3600

    assert fetch(base + "/static/css/khong-co.css")[0] == 404


def assert_safe_media(headers):
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Security-Policy"] == settings.CSP_MEDIA
    assert int(re.search(r"max-age=(\d+)", headers["Cache-Control"])[1]) >= 7 * 24 * 3600


def test_media_from_the_shared_directory_are_served_as_files_that_run_nothing(nginx, tmp_path):
    media = tmp_path / "media"
    (media / "anh").mkdir(parents=True)
    (media / "anh" / "a1b2c3.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (media / "anh" / "trang.html").write_text("<script>alert(1)</script>")
    base = nginx(NEWSROOM_MEDIA_ROOT=media)

    status, headers, _body = fetch(base + "/media/anh/a1b2c3.png")
    assert status == 200 and headers["Content-Type"] == "image/png"
    assert_safe_media(headers)
    status, headers, _body = fetch(base + "/media/anh/trang.html")
    assert status == 200
    assert_safe_media(headers)  # a page that slipped in runs nothing
    assert fetch(base + "/media/anh/khong-co.png")[0] == 404
    assert fetch(base + "/media/anh/")[0] in (403, 404)  # no listing


def test_media_from_object_storage_are_proxied_to_the_bucket_without_cookies_or_s3_headers(nginx, upstream):
    upstream.reply = (
        200,
        {
            "Content-Type": "image/jpeg",
            "Set-Cookie": "AWSALB=abc; Path=/",
            "x-amz-request-id": "17C1F0A2B3",
            "x-amz-id-2": "dd9025bab4ad464b049177c95eb6ebf374d3b3fd1af9251148b658df7ac2e3e8",
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "block-all-mixed-content",
        },
        b"\xff\xd8\xff\xe0 JPEG",
    )
    base = nginx(NEWSROOM_MEDIA="s3", NEWSROOM_S3_ORIGIN=f"http://{upstream.address}", NEWSROOM_S3_BUCKET="tin-tuc")

    status, headers, body = fetch(
        base + "/media/cache/ab/cd/e1f2.jpg", headers={"Cookie": "sessionid=bi-mat; csrftoken=x"}
    )
    assert status == 200 and body == b"\xff\xd8\xff\xe0 JPEG"
    [seen] = upstream.requests
    assert seen["path"] == "/tin-tuc/cache/ab/cd/e1f2.jpg"
    assert "Cookie" not in seen["headers"]
    assert headers["Content-Type"] == "image/jpeg"
    assert not [name for name in headers if name.lower().startswith("x-amz") or name.lower() == "set-cookie"]
    assert_safe_media(headers)

    assert fetch(base + "/media/cache/ab/cd/e1f2.jpg?acl")[0] == 200
    assert upstream.requests[-1]["path"] == "/tin-tuc/cache/ab/cd/e1f2.jpg"
    for listing in ("/media/", "/media/?list-type=2", "/media/cache/"):
        assert fetch(base + listing)[0] == 404, listing

    upstream.reply = (403, {"Content-Type": "application/xml"}, b"<Error><Code>AccessDenied</Code></Error>")
    status, headers, body = fetch(base + "/media/khong-co.jpg")
    assert status == 404 and b"AccessDenied" not in body
    assert fetch(base + "/media/anh.jpg", method="DELETE")[0] in (403, 404, 405)
    assert len(upstream.requests) == 3  # never sent on


@pytest.mark.parametrize("media", ["filesystem", "s3"])
def test_the_configuration_as_the_compose_file_renders_it_is_valid(tmp_path, media):
    """Host names (web, minio) are resolved by Docker's DNS when requests come, not when nginx starts."""
    require(NGINX.exists(), f"{NGINX} is missing (Debian package nginx; .ci/run installs it)")
    values = {
        **stage_env("nginx"),
        **compose_services()["nginx"]["environment"],
        "NEWSROOM_MEDIA": media,
        "NEWSROOM_S3_BUCKET": "newsroom-media",
        "NEWSROOM_LISTEN": f"127.0.0.1:{free_port()}",
    }
    conf = render_nginx_conf(tmp_path, values)
    rendered = "\n".join(file.read_text() for file in (tmp_path / "conf.d").iterdir())
    assert not TEMPLATE_VARIABLE.search(rendered), "a template variable has no value in the Dockerfile or compose"
    result = subprocess.run(nginx_command(tmp_path, conf, "-t", "-q"), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


class PageAssets(HTMLParser):
    """Every image a page shows or links to (img src and srcset, og:image, JSON-LD, icons, photo links) and its
    stylesheets."""

    def __init__(self):
        super().__init__()
        self.images, self.stylesheets, self.scripts = set(), set(), set()
        self._json_ld = None

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        rel = attrs.get("rel", "").split()
        if tag in ("img", "source"):
            srcset = [candidate.split()[0] for candidate in attrs.get("srcset", "").split(",") if candidate.strip()]
            self.images.update(filter(None, [attrs.get("src"), *srcset]))
        elif tag == "meta" and (attrs.get("property") == "og:image" or attrs.get("name") == "twitter:image"):
            self.images.add(attrs["content"])
        elif tag == "link" and ("icon" in rel or "apple-touch-icon" in rel):
            self.images.add(attrs["href"])
        elif tag == "link" and "stylesheet" in rel:
            self.stylesheets.add(attrs["href"])
        elif tag == "a" and "/media/" in attrs.get("href", ""):
            self.images.add(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.scripts.add(attrs["src"])
        self._json_ld = [] if tag == "script" and attrs.get("type") == "application/ld+json" else None

    def handle_data(self, data):
        if self._json_ld is not None:
            self._json_ld.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._json_ld:
            image = json.loads("".join(self._json_ld)).get("image", [])
            self.images.update([image] if isinstance(image, str) else image)
        self._json_ld = None


@pytest.fixture
def front(gunicorn, nginx, tmp_path, settings):
    """nginx (media from the shared directory) → gunicorn → PostgreSQL, DEBUG off, static files collected: the base
    URL of nginx."""
    return nginx(
        NEWSROOM_WEB=urlsplit(gunicorn).netloc,
        NEWSROOM_STATIC_ROOT=tmp_path / "static",
        NEWSROOM_MEDIA_ROOT=settings.MEDIA_ROOT,
    )


@pytest.fixture
def site(front):
    """{name: URL through nginx} of a home, an article and a unit page of the demo province."""
    call_command("seed_demo", stdout=io.StringIO())
    report = report_with_gallery()
    return {
        "home": front + "/",
        "article": front + report.get_absolute_url(),
        "unit": front + report.unit.get_absolute_url(),
    }


def page_assets(url):
    status, headers, body = fetch(url)
    assert status == 200, f"{url}: {status}"
    assets = PageAssets()
    assets.feed(body.decode())
    for stylesheet in list(assets.stylesheets):
        css = fetch(urljoin(url, stylesheet))[2].decode()
        for image in re.findall(r"url\(\s*['\"]?([^'\")]+)", css):
            if not image.startswith("data:"):
                assets.images.add(urljoin(stylesheet, image))
    return assets


def test_every_image_on_public_pages_loads_through_nginx(site):
    photos = set()
    for name, url in site.items():
        assets = page_assets(url)
        broken = []
        for image in sorted(assets.images):
            image_url = urljoin(url, image)
            assert urlsplit(image_url).netloc == urlsplit(url).netloc, f"{name}: {image} is not served through nginx"
            status, headers, _body = fetch(image_url)
            if status != 200 or not headers["Content-Type"].startswith("image/"):
                broken.append(f"{image}: {status} {headers['Content-Type']}")
            elif urlsplit(image_url).path.startswith(settings.MEDIA_URL):
                assert_safe_media(headers)
                photos.add(image_url)
        assert not broken, f"{name} ({url}) shows broken images:\n" + "\n".join(broken)
    assert len(photos) >= 5, "the demo pages show photos: renditions and originals"
    assert any("/media/cache/" in photo for photo in photos), "sorl-thumbnail renditions"


def test_pages_and_static_files_through_nginx_are_compressed_and_cached(front):
    article = front + ArticleFactory(title="Hội nghị sơ kết công tác Đảng 6 tháng đầu năm 2021").get_absolute_url()
    status, headers, body = fetch(article, headers={"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert "Hội nghị sơ kết công tác Đảng" in gzip.decompress(body).decode()
    assets = page_assets(article)
    static = assets.stylesheets | assets.scripts | {image for image in assets.images if "/static/" in image}
    assert any(name.endswith(".css") for name in static) and any(name.endswith(".js") for name in static)
    for asset in sorted(static):
        assert FINGERPRINTED.search(asset), f"{asset}: not a fingerprinted name"
        status, headers, body = fetch(urljoin(front, asset), headers={"Accept-Encoding": "gzip"})
        assert status == 200, asset
        assert headers["Cache-Control"] == LONG_CACHE, asset
        if asset.endswith((".css", ".js")):
            assert headers["Content-Encoding"] == "gzip", asset
            gzip.decompress(body)


def test_the_admin_sign_in_page_loads_its_styles_scripts_and_images_through_nginx(front):
    assets = page_assets(front + "/admin/login/")
    assert assets.stylesheets
    for asset in sorted(assets.stylesheets | assets.scripts | assets.images):
        status, headers, _body = fetch(urljoin(front + "/admin/login/", asset))
        assert status == 200, asset
        assert FINGERPRINTED.search(asset) is None or headers["Cache-Control"] == LONG_CACHE, asset
