"""The console in a real browser: headless Chromium driven through WebDriver
(selenium, Debian's chromium and chromium-driver), as a user clicks through it.

Usage: console_browser.py CONSOLE_URL PROJECT_DIR
Prints "all checks passed" at its end, or fails at the first check that fails.
"""

import http.client
import json
import os
import sys
import tempfile
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

URL = sys.argv[1]
PROJECT = sys.argv[2]
parsed = urllib.parse.urlsplit(URL)
HOST, PORT = parsed.hostname, parsed.port
TOKEN = urllib.parse.parse_qs(parsed.query)["token"][0]


def raw(method, path, headers=None, body=None):
    """One request with exactly these headers (Host included): status, headers, body."""
    conn = http.client.HTTPConnection(HOST, PORT, timeout=30)
    conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    for k, v in (headers or {}).items():
        conn.putheader(k, v)
    data = json.dumps(body).encode() if body is not None else b""
    conn.putheader("content-length", str(len(data)))
    conn.endheaders(data)
    r = conn.getresponse()
    out = (r.status, dict((k.lower(), v) for k, v in r.getheaders()), r.read())
    conn.close()
    return out


def guard_checks():
    host = f"127.0.0.1:{PORT}"
    page = f"/_gatekit/?token={TOKEN}"
    status, headers, body = raw("GET", page, {"Host": host})
    assert status == 200, status
    policy = headers["content-security-policy"]
    assert "script-src 'sha256-" in policy and "unsafe" not in policy, policy
    assert b"<script>" in body
    # No token, a wrong one, a token only in the query of a write: refused.
    assert raw("GET", "/_gatekit/", {"Host": host})[0] == 403
    assert raw("GET", "/_gatekit/?token=" + "0" * 32, {"Host": host})[0] == 403
    status, _, body = raw("GET", "/_gatekit/api/tables", {"Host": host})
    assert status == 403 and b"token" in body, (status, body)
    write = {"item": {"owner": "mallory", "id": "x", "title": "t"}}
    status, _, _ = raw("POST", f"/_gatekit/api/tables/todos/put?token={TOKEN}", {"Host": host}, write)
    assert status == 403, status
    # A name that is not loopback (DNS rebinding), even with the token.
    for bad in [f"evil.example:{PORT}", f"127.0.0.1.nip.io:{PORT}", "127.0.0.1"]:
        status, _, _ = raw("GET", page, {"Host": bad})
        assert status == 403, (bad, status)
    # A page of another site, even with the token.
    token = {"Host": host, "x-gatekit-token": TOKEN, "content-type": "application/json"}
    status, _, _ = raw("POST", "/_gatekit/api/tables/todos/put", dict(token, Origin="http://evil.example"), write)
    assert status == 403, status
    status, _, _ = raw("GET", "/_gatekit/api/tables", dict(token, **{"Sec-Fetch-Site": "cross-site"}))
    assert status == 403, status
    # Nothing was written by the refused requests.
    status, _, body = raw("POST", "/_gatekit/api/tables/todos/read", token, {"condition": 'owner = "mallory"'})
    assert status == 200 and json.loads(body)["count"] == 0, body
    # The same request from the console's own page origin is served.
    status, _, _ = raw("GET", "/_gatekit/api/tables", dict(token, Origin=f"http://{host}"))
    assert status == 200, status


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("GATEKIT_CHROMIUM", "/usr/bin/chromium")
    profile = tempfile.mkdtemp(prefix="gatekit-chromium-")
    for arg in [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,900", f"--user-data-dir={profile}",
    ]:
        options.add_argument(arg)
    service = Service(executable_path=os.environ.get("GATEKIT_CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(service=service, options=options)


def main():
    guard_checks()
    d = browser()
    # The page redraws parts of itself (a page of items, the stream): an element
    # found just before a redraw is looked up again.
    wait = WebDriverWait(d, 30, ignored_exceptions=[StaleElementReferenceException])

    def find(css):
        return wait.until(lambda _: d.find_element(By.CSS_SELECTOR, css))

    def text_of(css, pred, what):
        def ready(_):
            els = d.find_elements(By.CSS_SELECTOR, css)
            return els and pred(els[0].text) and els[0].text
        try:
            return wait.until(ready)
        except TimeoutException:
            page = d.find_element(By.ID, "main").text
            raise AssertionError(f"{what}: {css} never matched; the page shows {page!r}")

    def click(css):
        wait.until(lambda _: d.find_element(By.CSS_SELECTOR, css).click() or True)

    try:
        # Tables: the list, then one table with its items.
        d.get(URL)
        text_of("#tables a.table-link", lambda t: t == "todos", "the table's link")
        text_of('#tables tr[data-table="todos"]', lambda t: " 3 " in t, "its item count")
        click("#tables a.table-link")
        text_of("#item-count", lambda t: t.startswith("3 item(s)"), "a scan shows every item")
        # A query in the condition language.
        Select(find("#mode")).select_by_value("query")
        find("#condition").send_keys('owner = "ann"')
        click("#run")
        text_of("#item-count", lambda t: t.startswith("2 item(s)"), "the query finds ann's items")
        # Edit an item: the model's error at the field, then a good value saved.
        text_of("#items tr.item", lambda t: "ann" in t, "ann's first item")
        click("#items tr.item")
        status = find('#item-form .field[data-attribute="status"] input.attr-value')
        status.clear()
        status.send_keys("nope")
        click("#save")
        error = text_of('#item-form .field[data-attribute="status"] .field-error', lambda t: t, "the model's error")
        assert "not one of" in error, error
        assert "bad" in d.find_element(By.CSS_SELECTOR, '#item-form .field[data-attribute="status"]').get_attribute("class")
        status = find('#item-form .field[data-attribute="status"] input.attr-value')
        status.clear()
        status.send_keys("done")
        click("#save")
        find("#saved")
        text_of("#items", lambda t: "done" in t, "the saved item shows")
        # The table's stream: the change just made, newest first, with both images.
        record = text_of("#records tr.record", lambda t: "MODIFY" in t, "the stream's newest record")
        assert '"done"' in record and '"open"' in record, record

        # Functions: invoke with a payload, the result beside its log, the payload saved.
        d.get(URL + "#/functions")
        click('#functions a.function-link[href="#/functions/hello"]')
        payload = find("#payload")
        payload.clear()
        payload.send_keys('{"name": "selenium"}')
        click("#invoke")
        text_of("#result", lambda t: "hi selenium" in t, "the function's result")
        text_of("#invoke-log", lambda t: "hello from selenium" in t, "the invocation's log")
        find("#payload-name").send_keys("mine")
        click("#save-payload")
        text_of("#invoke-status", lambda t: "Saved mine" in t, "the payload saved")
        saved = os.path.join(PROJECT, ".gatekit", "payloads", "hello", "mine.json")
        with open(saved) as f:
            assert json.loads(f.read()) == {"name": "selenium"}
        text_of("#live-log", lambda t: "hello from selenium" in t, "the live log")

        # APIs: a route picked, a request sent, the response shown.
        d.get(URL + "#/apis/web")
        click("table.routes tr.pick")
        path = find("#req-path")
        assert path.get_attribute("value") == "/hello", path.get_attribute("value")
        find("#req-query").send_keys("name=browser")
        click("#send")
        text_of("#response-status", lambda t: t.startswith("200"), "the response's status")
        text_of("#response-body", lambda t: "hi browser" in t, "the response's body")
        assert find("#api-docs").get_attribute("href").endswith("/docs?token=" + TOKEN)
        if len(sys.argv) > 3:
            d.get(URL + "#/tables/todos")
            text_of("#item-count", lambda t: "item(s)" in t, "the table for the screenshot")
            d.save_screenshot(sys.argv[3])
    finally:
        d.quit()
    print("all checks passed")


main()
