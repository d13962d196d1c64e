"""Times the console's page and a 1,000-item page, over HTTP and in Chromium.
Usage: console_load.py CONSOLE_URL N"""
import http.client, json, os, statistics, sys, tempfile, time, urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

url, n = sys.argv[1], int(sys.argv[2])
u = urllib.parse.urlsplit(url)
token = urllib.parse.parse_qs(u.query)["token"][0]


def fetch(method, path, body=None):
    c = http.client.HTTPConnection(u.hostname, u.port)
    t0 = time.perf_counter()
    c.request(method, path, body=body, headers={"x-gatekit-token": token, "content-type": "application/json"})
    data = c.getresponse().read()
    ms = (time.perf_counter() - t0) * 1000
    c.close()
    return ms, len(data), data


def report(what, times, size=None):
    extra = f", {size:,} bytes" if size is not None else ""
    print(f"{what}: median {statistics.median(times):.1f} ms (best {min(times):.1f}, worst {max(times):.1f}){extra}")


page = [fetch("GET", f"/_gatekit/?token={token}") for _ in range(n)]
report("page over HTTP", [p[0] for p in page], page[0][1])
read = [fetch("POST", "/_gatekit/api/tables/todos/read", json.dumps({"limit": 1000})) for _ in range(n)]
assert json.loads(read[0][2])["count"] == 1000
report("1,000-item page over HTTP", [r[0] for r in read], read[0][1])

options = webdriver.ChromeOptions()
options.binary_location = os.environ.get("GATEKIT_CHROMIUM", "/usr/bin/chromium")
for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1280,900", f"--user-data-dir={tempfile.mkdtemp()}"]:
    options.add_argument(arg)
d = webdriver.Chrome(service=Service(os.environ.get("GATEKIT_CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
wait = WebDriverWait(d, 30, poll_frequency=0.005)
try:
    first, thousand = [], []
    for _ in range(n):
        d.get("about:blank")
        d.get(url)
        wait.until(lambda _: d.find_elements(By.CSS_SELECTOR, "#tables a.table-link"))
        # The page's own mark, on the clock that starts with the navigation.
        first.append(d.execute_script("return performance.getEntriesByName('gatekit: tables drawn')[0].startTime"))
    report("first page load in Chromium (navigation to the table list drawn)", first)
    d.get(url + "#/tables/todos")
    wait.until(lambda _: d.find_elements(By.ID, "item-count"))
    limit = d.find_element(By.ID, "limit")
    limit.clear()
    limit.send_keys("1000")
    d.set_script_timeout(30)
    for _ in range(n):
        # In the page: from the click on Run to the next frame after 1,000 items
        # are in the document (the fetch, the JSON, the rows, their layout).
        thousand.append(d.execute_async_script("""
            const done = arguments[0];
            document.getElementById('item-count').remove();
            const t0 = performance.now();
            const seen = new MutationObserver(() => {
              const c = document.getElementById('item-count');
              if (!c || !c.textContent.startsWith('1000 item(s)')) return;
              seen.disconnect();
              requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
            });
            seen.observe(document.getElementById('main'), { subtree: true, childList: true });
            document.getElementById('run').click();
        """))
    report("1,000-item page in Chromium (Run clicked to the next frame with the items drawn)", thousand)
finally:
    d.quit()
