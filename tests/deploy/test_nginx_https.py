"""The supported production path, for real (issue 20): nginx from Debian with deployment/nginx.conf rendered by
deployment/render-nginx.sh for test ports and a self-signed certificate, two gunicorn gevent processes with the
production settings on PostgreSQL and Redis, and Chromium over HTTPS through nginx: a facilitator signs in, a
phone joins and submits, the facilitator approves, and the card reaches a projector held by the other process.
HTTP redirects to HTTPS keeping the port; HSTS, CSP and Secure cookies are there; the websockets were upgraded
(101) in nginx's own access log."""

from __future__ import annotations

import http.client
import re
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.browser import launch, screenshot
from tests.servers import ROOT, free_port
from tests.servers.production import demo_event, fresh_database, production_env, start_gunicorn

pytestmark = [pytest.mark.deploy, pytest.mark.server, pytest.mark.browser]

REDIS_URL = "redis://127.0.0.1:6379/13"
HOST = "localhost"
BOARD = "The internet we have and the internet we want"


def nginx_binary() -> str:
    """Debian's nginx, installed if missing (as deployment/install.sh does)."""
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if found:
        return found
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "nginx-light"], check=True, env={"DEBIAN_FRONTEND": "noninteractive"}
    )
    return shutil.which("nginx") or "/usr/sbin/nginx"


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    certificate, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={HOST}"]
        + ["-addext", f"subjectAltName=DNS:{HOST}", "-keyout", str(key), "-out", str(certificate)],
        check=True,
        capture_output=True,
    )
    return certificate, key


def render_site(certificate: Path, key: Path, ports: dict[str, int]) -> str:
    """deployment/nginx.conf for these ports, by the script install.sh uses."""
    return subprocess.run(
        [str(ROOT / "deployment/render-nginx.sh"), HOST, str(certificate), str(key)]
        + [str(ports[name]) for name in ("http", "https", "app_1", "app_2")],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def start_nginx(folder: Path, certificate: Path, key: Path, ports: dict[str, int]) -> subprocess.Popen:
    """nginx in the foreground with its own prefix: the rendered site inside a minimal http block whose access
    log also names the upstream each request went to. A spare port taken by someone else in the meantime
    (other tests on the machine) means new ports and another try."""
    (folder / "nginx.conf").write_text(
        f"""
user root;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 1024; }}
http {{
    log_format facilitator_test '$status "$request" upstream=$upstream_addr';
    access_log {folder}/access.log facilitator_test;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/site.conf;
}}
"""
    )
    binary = nginx_binary()
    command = [binary, "-p", str(folder), "-c", str(folder / "nginx.conf")]
    for _attempt in range(3):
        (folder / "site.conf").write_text(render_site(certificate, key, ports))
        test = subprocess.run([*command, "-t"], capture_output=True, text=True)
        assert test.returncode == 0, test.stderr
        nginx = subprocess.Popen([*command, "-g", "daemon off;"])
        if _listening(nginx, ports["http"], ports["https"]):
            return nginx
        nginx.wait(10)
        ports.update(http=free_port(), https=free_port())
    raise AssertionError("nginx could not bind its ports:\n" + (folder / "error.log").read_text())


def start_app(env: dict[str, str], folder: Path, certificate: Path, key: Path, ports: dict[str, int], name: str, nginx):
    """One gunicorn process on ports[name]; if that spare port was taken meanwhile, another one, and nginx
    reloads the site rendered for it."""
    for _attempt in range(3):
        try:
            return start_gunicorn(env, ports[name])
        except RuntimeError as error:
            if not any(sign in str(error) for sign in ("Connection in use", "Address already in use")):
                raise
        ports[name] = free_port()
        (folder / "site.conf").write_text(render_site(certificate, key, ports))
        nginx.send_signal(signal.SIGHUP)
        time.sleep(1)
    raise AssertionError(f"no free port for {name}")


def _listening(nginx: subprocess.Popen, *ports: int, timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and nginx.poll() is None:
        try:
            for port in ports:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            time.sleep(0.1)
    return False


def upstream_of(access_log: Path, path_prefix: str, timeout: float = 5) -> str:
    """The app process (address:port) nginx sent the last request for this path to."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        lines = [line for line in access_log.read_text().splitlines() if f'"GET {path_prefix}' in line]
        if lines:
            return lines[-1].rsplit("upstream=", 1)[1]
        time.sleep(0.1)
    raise AssertionError(f"no request for {path_prefix} in nginx's log")


def sign_in(page, base: str, password: str) -> None:
    page.goto(f"{base}/staff/login")
    page.fill("#email", "facilitator@demo.local")
    page.fill("#password", password)
    page.click("button[type=submit]")
    expect(page).not_to_have_url(re.compile(r".*/staff/login.*"))


def test_https_through_nginx_with_two_processes(tmp_path):
    started = time.monotonic()
    tmp_path.chmod(0o755)
    certificate, key = self_signed_certificate(tmp_path)
    ports = {"http": free_port(), "https": free_port(), "app_1": free_port(), "app_2": free_port()}
    nginx = start_nginx(tmp_path, certificate, key, ports)  # the HTTPS port is the site's address: held first
    base = f"https://{HOST}:{ports['https']}"
    http_port = ports["http"]
    servers = []
    try:
        with fresh_database() as database:
            env = production_env(database, REDIS_URL, PROXY_FIX="1", TRUSTED_HOSTS=f"{HOST},127.0.0.1", PUBLIC_URL=base)
            demo = demo_event(env, base)
            for name in ("app_1", "app_2"):
                servers.append(start_app(env, tmp_path, certificate, key, ports, name, nginx))
            access_log = tmp_path / "access.log"
            _check_through_nginx(
                base, http_port, demo, access_log, {f"127.0.0.1:{ports[n]}" for n in ("app_1", "app_2")}
            )
    finally:
        nginx.terminate()
        nginx.wait(10)
        for server in servers:
            server.stop()
    assert time.monotonic() - started < 300


def _check_through_nginx(base: str, http_port: int, demo: dict, access_log: Path, processes: set[str]) -> None:
    """What the brief asks of the production path, through nginx, with the app processes running."""
    # Plain HTTP answers only a redirect, to the same path on HTTPS with its port.
    plain = http.client.HTTPConnection(HOST, http_port, timeout=5)
    plain.request("GET", f"/j/{demo['join_code']}", headers={"Host": f"{HOST}:{http_port}"})
    redirect = plain.getresponse()
    assert redirect.status == 301
    assert redirect.getheader("Location") == f"{base}/j/{demo['join_code']}"
    plain.close()

    with sync_playwright() as playwright:
        browser = launch(playwright)
        projector = browser.new_context(ignore_https_errors=True, viewport={"width": 1600, "height": 900}).new_page()
        projector.goto(f"{base}/p/{demo['projector']}")
        expect(projector.locator("header")).to_contain_text(demo["join_code"])
        projector_process = upstream_of(access_log, "/p/")

        # Staff land on a process by their session cookie: sign in until the console is on the other one.
        for _attempt in range(12):
            staff = browser.new_context(ignore_https_errors=True, viewport={"width": 1366, "height": 900})
            console = staff.new_page()
            sign_in(console, base, demo["password"])
            console.goto(f"{base}/console/{demo['console']}")
            if upstream_of(access_log, f"/console/{demo['console']} ") != projector_process:
                break
            staff.close()
        else:
            raise AssertionError("every sign-in landed on the projector's process")
        expect(console.locator("#status")).to_have_text("Live.")
        page = f"{base}/console/{demo['console']}/safeguarding/"
        console.goto(page)
        for item in ("guardian_consent", "safeguarding_lead", "dpia"):
            form = console.locator(f'form:has(input[name=item][value="{item}"])')
            if item == "safeguarding_lead":
                form.locator("input[name=detail]").fill("Ms Achieng, by the door")
            form.get_by_role("button").click()
            expect(console.locator(".saved")).to_be_visible()
        reply = console.goto(f"{base}/console/{demo['console']}")
        headers = reply.headers
        assert headers["strict-transport-security"].startswith("max-age=")
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["referrer-policy"] == "same-origin"
        expect(console.locator("#status")).to_have_text("Live.")
        row = console.locator(".agenda-activity", has_text=BOARD)
        row.get_by_role("button", name="Open").click()
        expect(row.locator(".state-open")).to_be_visible()
        expect(projector.locator(".lane-name").first).to_contain_text("The internet we have")

        phone_context = browser.new_context(
            ignore_https_errors=True, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
        )
        phone = phone_context.new_page()
        phone.goto(f"{base}/j/{demo['join_code']}")
        phone.select_option("#group", "child")
        phone.select_option("#age_band", "14-15")
        phone.get_by_role("button", name="Join").click()  # a form POST over HTTPS: CSRF and referrer agree
        expect(phone.locator("#text-want")).to_be_visible()
        phone.fill("#text-want", "Apps that explain privacy in Kiswahili")
        phone.locator('.lane-form[data-lane="want"] button[type=submit]').click()
        mine = phone.locator("#entries li", has_text="Apps that explain privacy in Kiswahili")
        expect(mine.locator(".state")).to_have_text("Waiting for the moderator")

        queued = console.locator("#queue .entry", has_text="Apps that explain privacy in Kiswahili")
        expect(queued).to_be_visible()
        queued.get_by_role("button", name="Approve").click()
        expect(projector.locator(".card", has_text="Apps that explain privacy in Kiswahili")).to_be_visible()
        expect(mine.locator(".state")).to_have_text("On the board")
        screenshot(projector, "deploy-projector-over-https")

        cookies = {c["name"]: c for c in staff.cookies() + phone_context.cookies()}
        for name in ("session", "participant"):
            assert cookies[name]["secure"] and cookies[name]["httpOnly"], cookies[name]
        browser.close()  # closes the websockets: nginx logs a websocket when it ends

    time.sleep(0.5)
    log = access_log.read_text()
    upgraded = re.findall(r'^101 "GET /socket\.io/\S*transport=websocket\S* HTTP/1\.1" upstream=(\S+)$', log, re.M)
    assert set(upgraded) == processes, log
    assert not re.search(r"^(400|403|5\d\d) ", log, re.M), log
