#!/usr/bin/env python3
"""Checks an ActorGraph HTML report in a real headless Chromium.

    check-report.py REPORT.html GRAPH.json [--screenshot PNG] [--full-page PNG] [--graph-screenshot PNG]
    check-report.py --self-test [REPORT.html GRAPH.json]

GRAPH.json is the article's graph (schema actorgraph/1) or, for a corpus report,
the corpus graph (actorgraph-corpus/1). The page is opened through the DevTools protocol over a pipe
(--remote-debugging-pipe), so the checks see the DOM after the page's script
ran. It fails (exit status 1, one line per problem) when:

- the page logs a console error, throws an uncaught exception, or the browser
  logs an error while loading it;
- the page asks for anything but its own file (a report must be self-contained);
- an actor of GRAPH.json has no highlight, the highlights are not exactly one per
  mention (actor, offsets, text), or the article text in the DOM does not have the
  document's length;
- the graph SVG is missing, or lacks a node for an actor or event of GRAPH.json
  (beyond those the built-in drawing says it left out of a big graph);
- a click on a mention (real mouse events) does not pin that actor in the panel and
  mark all its mentions and its graph node, hovering one shows no tooltip, or a
  click on an event's sentence link does not bring the sentence into view and flash it;
- for a corpus report: the actor rows or timelines do not match the corpus, the graph
  draws no actor or one the corpus lacks, or a click on a node does not mark its row.

--self-test plants faults (a console error, an uncaught exception, a network
request, and with a report: a lost highlight) and fails unless every one is caught,
and a clean page passes.

Python standard library only; Chromium from Debian's `chromium` package or $CHROMIUM.
"""

import argparse
import base64
import json
import os
import pathlib
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time

WIDTH, HEIGHT = 1400, 1800


class BrowserError(Exception):
    pass


def find_chromium():
    for candidate in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if candidate and shutil.which(candidate):
            return shutil.which(candidate)
    return None


class Browser:
    """A headless Chromium driven over the DevTools pipe (fd 3 in, fd 4 out, NUL-separated JSON)."""

    def __init__(self, binary, timeout=30.0):
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="actorgraph-chromium-")
        self.stderr = tempfile.TemporaryFile()
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()

        def wire_pipes():
            # Duplicate first so that fds 3 and 4 are free to be overwritten.
            read, write = os.dup(to_browser_read), os.dup(from_browser_write)
            os.dup2(read, 3)
            os.dup2(write, 4)

        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             f"--user-data-dir={self.profile}", "--no-first-run", "--no-default-browser-check",
             "--disable-extensions", "--disable-background-networking", "--disable-sync",
             "--disable-component-update", "--mute-audio", "--hide-scrollbars",
             f"--window-size={WIDTH},{HEIGHT}", "--force-device-scale-factor=1", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self.stderr,
            preexec_fn=wire_pipes, close_fds=False)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.next_id = 0
        self.responses = {}
        self.events = []
        self.inbox = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        buffer = b""
        while True:
            try:
                chunk = os.read(self.from_browser, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                self.inbox.put(None)
                return
            buffer += chunk
            while b"\0" in buffer:
                message, _, buffer = buffer.partition(b"\0")
                self.inbox.put(json.loads(message))

    def _pump(self, deadline):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        try:
            message = self.inbox.get(timeout=remaining)
        except queue.Empty:
            return False
        if message is None:
            raise BrowserError("Chromium closed the DevTools pipe: " + self.log_tail())
        if "id" in message:
            self.responses[message["id"]] = message
        else:
            self.events.append(message)
        return True

    def send(self, method, params=None, session=None):
        self.next_id += 1
        ident = self.next_id
        message = {"id": ident, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        try:
            os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        except OSError as error:
            raise BrowserError(f"cannot talk to Chromium ({error}): " + self.log_tail())
        deadline = time.monotonic() + self.timeout
        while ident not in self.responses:
            if not self._pump(deadline):
                raise BrowserError(f"Chromium did not answer {method} within {self.timeout:.0f} s")
        response = self.responses.pop(ident)
        if "error" in response:
            raise BrowserError(f"{method} failed: {response['error'].get('message')}")
        return response.get("result", {})

    def wait_for_event(self, method, session, seconds):
        deadline = time.monotonic() + seconds
        while True:
            for event in self.events:
                if event.get("method") == method and event.get("sessionId") == session:
                    return event
            if not self._pump(deadline):
                raise BrowserError(f"no {method} within {seconds:.0f} s")

    def drain(self, seconds):
        deadline = time.monotonic() + seconds
        while self._pump(deadline):
            pass

    def log_tail(self):
        self.stderr.seek(0)
        lines = [line for line in self.stderr.read().decode(errors="replace").splitlines() if "dbus" not in line]
        return " | ".join(lines[-5:]) or "(nothing on stderr)"

    def close(self):
        try:
            if self.process.poll() is None:
                self.send("Browser.close")
            self.process.wait(timeout=10)
        except (BrowserError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        os.close(self.to_browser)
        shutil.rmtree(self.profile, ignore_errors=True)


class Page:
    """One tab with the page loaded, and what it logged."""

    def __init__(self, browser, path):
        self.browser = browser
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride", {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False})
        self.url = pathlib.Path(path).resolve().as_uri()
        self.call("Page.navigate", {"url": self.url})
        browser.wait_for_event("Page.loadEventFired", self.session, browser.timeout)
        browser.drain(0.3)

    def call(self, method, params=None):
        return self.browser.send(method, params, self.session)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise BrowserError("check script failed: " + details.get("exception", {}).get("description", details.get("text", "")))
        return result["result"].get("value")

    def wait_until(self, expression, seconds=3.0):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.evaluate(expression):
                return True
            self.browser.drain(0.05)
        return False

    def problems(self):
        """Console errors, uncaught exceptions, browser errors and requests for anything but the page itself."""
        found = []
        for event in self.browser.events:
            if event.get("sessionId") != self.session:
                continue
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                text = details.get("exception", {}).get("description") or details.get("text", "")
                found.append(f"uncaught exception at line {details.get('lineNumber', 0) + 1}: {text.splitlines()[0] if text else '?'}")
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                args = " ".join(str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", []))
                found.append(f"console.{params.get('type')}: {args}")
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                entry = params["entry"]
                found.append(f"browser error ({entry.get('source')}): {entry.get('text')} {entry.get('url', '')}".rstrip())
            elif method == "Network.requestWillBeSent":
                url = params.get("request", {}).get("url", "")
                if url != self.url and not url.startswith("data:"):
                    found.append(f"the page requested {url}; a report must load nothing")
        return found

    def click(self, x, y):
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})

    def hover(self, x, y):
        self.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})

    def center_of(self, selector_expression):
        """Scrolls the element into view at once and gives its center in the viewport."""
        box = self.evaluate(f"""(() => {{
            const node = {selector_expression};
            if (!node) return null;
            node.scrollIntoView({{block: 'center', behavior: 'instant'}});
            const r = node.getClientRects()[0] || node.getBoundingClientRect();
            return {{x: r.left + r.width / 2, y: r.top + r.height / 2}};
        }})()""")
        if not box:
            raise BrowserError(f"nothing to click: {selector_expression}")
        return box["x"], box["y"]

    def screenshot(self, path, full_page=False, selector=None):
        params = {"format": "png"}
        if full_page:
            size = self.evaluate("({w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight})")
            params.update({"captureBeyondViewport": True, "clip": {"x": 0, "y": 0, "width": size["w"], "height": size["h"], "scale": 1}})
        elif selector:
            box = self.evaluate(f"""(() => {{ const node = document.querySelector({json.dumps(selector)}); if (!node) return null;
                const r = node.getBoundingClientRect(); return {{x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height}}; }})()""")
            if not box:
                raise BrowserError(f"nothing matches {selector} for a screenshot")
            params.update({"captureBeyondViewport": True, "clip": {"x": box["x"], "y": box["y"], "width": box["w"], "height": box["h"], "scale": 1}})
        data = self.call("Page.captureScreenshot", params)["data"]
        pathlib.Path(path).parent.mkdir(parents=True, exist_ok=True)
        pathlib.Path(path).write_bytes(base64.b64decode(data))


READ_DOM = r"""(() => {
  const text = document.getElementById('text');
  const svgs = document.querySelectorAll('#graph svg');
  const key = g => g.hasAttribute('data-node') ? g.getAttribute('data-node') : ((g.querySelector('title') || {}).textContent || '').trim();
  return {
    textLength: text ? Array.from(text.textContent).length : -1,
    text: text ? text.textContent : '',
    marks: Array.from(document.querySelectorAll('#text mark.mention')).map(m => ({
      id: m.id, mention: m.getAttribute('data-mention'), actor: m.getAttribute('data-actor'),
      start: Number(m.getAttribute('data-start')), end: Number(m.getAttribute('data-end')), text: m.textContent
    })),
    svgCount: svgs.length,
    omitted: svgs.length ? Number(svgs[0].getAttribute('data-omitted-nodes') || 0) : 0,
    nodes: svgs.length ? Array.from(svgs[0].querySelectorAll('g.node')).map(key) : []
  };
})()"""


def check_content(page, graph):
    """Highlights, article text and graph nodes against the graph JSON."""
    failures = []
    dom = page.evaluate(READ_DOM)
    length = graph["document"]["length"]
    if dom["textLength"] != length:
        failures.append(f"the article text in the page has {dom['textLength']} characters; the document has {length}")
    scalars = list(dom["text"])
    firsts = [mark for mark in dom["marks"] if mark["id"]]
    by_mention = {}
    for mark in dom["marks"]:
        by_mention.setdefault(mark["mention"], []).append(mark)
    expected = [(actor["id"], mention) for actor in graph["actors"] for mention in actor["mentions"]]
    if len(firsts) != len(expected):
        failures.append(f"{len(firsts)} highlights for {len(expected)} mentions")
    found = {(mark["actor"], mark["start"], mark["end"]): mark for mark in firsts}
    for actor_id, mention in expected:
        mark = found.get((actor_id, mention["start"], mention["end"]))
        where = f"{actor_id} “{mention['text']}” at {mention['start']}"
        if mark is None:
            failures.append(f"no highlight for the mention of {where}")
            continue
        shown = "".join(piece["text"] for piece in by_mention.get(mark["mention"], []))
        if shown != mention["text"]:
            failures.append(f"the highlight of {where} shows “{shown}”")
        if "".join(scalars[mention["start"]:mention["end"]]) != mention["text"]:
            failures.append(f"the page's text at the offsets of {where} differs from the mention")
    highlighted = {mark["actor"] for mark in dom["marks"]}
    for actor in graph["actors"]:
        if actor["id"] not in highlighted:
            failures.append(f"actor {actor['id']} has no highlight")
    if dom["svgCount"] != 1:
        failures.append(f"expected one graph SVG in #graph, found {dom['svgCount']}")
    # The built-in drawing may leave out the least linked nodes of a big graph, and says how many.
    nodes, ids = set(dom["nodes"]), [item["id"] for item in graph["actors"] + graph["events"]]
    missing = [ident for ident in ids if ident not in nodes]
    strangers = sorted(nodes - set(ids))
    if len(missing) != dom["omitted"] or len(nodes) != len(dom["nodes"]):
        failures.append(f"the graph has no node for {', '.join(missing[:8])}" + (" …" if len(missing) > 8 else "")
                        + (f" ({dom['omitted']} said to be left out)" if dom["omitted"] else ""))
    if strangers:
        failures.append(f"the graph draws nodes the graph JSON does not have: {', '.join(strangers[:8])}")
    return failures


def check_interaction(page, graph):
    """Hover and click a mention of the actor with the most mentions; click a sentence link."""
    failures = []
    links = page.evaluate("document.querySelectorAll('a.sentence-link[data-sentence]').length")
    if graph["events"] and not links:
        failures.append("no event links to its sentence")
    elif links:
        x, y = page.center_of("document.querySelector('a.sentence-link[data-sentence]')")
        page.click(x, y)
        sentence = page.evaluate("document.querySelector('a.sentence-link[data-sentence]').getAttribute('data-sentence')")
        selector = f"document.querySelector('.sentence[data-sentence=\"{sentence}\"]')"
        if not page.wait_until(f"{selector}.classList.contains('flash')", 1.0):
            failures.append(f"clicking an event's sentence link did not flash sentence {sentence}")
        if not page.wait_until(f"(() => {{ const r = {selector}.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }})()", 3.0):
            failures.append(f"clicking an event's sentence link did not scroll sentence {sentence} into view")
        page.wait_until("!document.querySelector('.flash')", 3.0)

    if not graph["actors"]:
        return failures
    actor = max(graph["actors"], key=lambda a: len(a["mentions"]))
    actor_id = actor["id"]
    mark = f"Array.from(document.querySelectorAll('mark.mention[id]')).find(m => m.getAttribute('data-actor') === {json.dumps(actor_id)})"
    x, y = page.center_of(mark)
    page.hover(x, y)
    if not page.wait_until(f"(() => {{ const t = document.getElementById('tooltip'); return t && !t.hidden && t.textContent.includes({json.dumps(actor['name'])}); }})()", 1.0):
        failures.append(f"hovering a mention of {actor_id} shows no tooltip with its name")
    page.click(x, y)
    state = page.evaluate(f"""(() => {{
        const id = {json.dumps(actor_id)};
        const card = document.querySelector('#panel-body .panel-card');
        const marks = Array.from(document.querySelectorAll('mark.mention[id]'));
        const key = g => g.hasAttribute('data-node') ? g.getAttribute('data-node') : ((g.querySelector('title') || {{}}).textContent || '').trim();
        return {{
            panelActor: card ? card.getAttribute('data-panel-actor') : null,
            panelName: card ? (card.querySelector('h3') || {{}}).textContent : null,
            panelText: card ? card.textContent : '',
            selectedOwn: marks.filter(m => m.getAttribute('data-actor') === id && m.classList.contains('selected')).length,
            selectedOther: marks.filter(m => m.getAttribute('data-actor') !== id && m.classList.contains('selected')).length,
            nodeSelected: Array.from(document.querySelectorAll('#graph g.node')).some(g => key(g) === id && g.classList.contains('selected'))
        }};
    }})()""")
    if state["panelActor"] != actor_id or state["panelName"] != actor["name"]:
        failures.append(f"clicking a mention of {actor_id} did not pin it in the panel (panel shows {state['panelActor']!r})")
    for fact in (actor_id, actor["type"], actor.get("country", "")):
        if fact not in state["panelText"]:
            failures.append(f"the pinned panel of {actor_id} does not say {fact!r}")
    if state["selectedOwn"] != len(actor["mentions"]) or state["selectedOther"]:
        failures.append(f"clicking a mention of {actor_id} marked {state['selectedOwn']} of its {len(actor['mentions'])} mentions "
                        f"and {state['selectedOther']} of other actors")
    if not state["nodeSelected"]:
        failures.append(f"clicking a mention of {actor_id} did not mark its node in the graph")
    return failures


def check_corpus(page, corpus, interact=True):
    """A corpus report: a row per actor, a drawn node per drawn actor, and a click on a node marks its row."""
    failures = []
    dom = page.evaluate(r"""(() => ({
        rows: Array.from(document.querySelectorAll('tr.actor-row')).map(r => r.getAttribute('data-actor')),
        svgCount: document.querySelectorAll('#graph svg').length,
        nodes: Array.from(document.querySelectorAll('#graph svg g.node')).map(g =>
            g.hasAttribute('data-node') ? g.getAttribute('data-node') : ((g.querySelector('title') || {}).textContent || '').trim()),
        timelines: document.querySelectorAll('details.timeline').length
    }))()""")
    ids = [actor["id"] for actor in corpus["actors"]]
    if dom["rows"] != ids:
        failures.append(f"{len(dom['rows'])} actor rows for {len(ids)} actors, or not in corpus order")
    with_events = sum(1 for actor in corpus["actors"] if actor["timeline"])
    if dom["timelines"] != with_events:
        failures.append(f"{dom['timelines']} timelines for {with_events} actors with events")
    if dom["svgCount"] != 1:
        failures.append(f"expected one graph SVG in #graph, found {dom['svgCount']}")
    if ids and not dom["nodes"]:
        failures.append("the graph draws no actor")
    strangers = [node for node in dom["nodes"] if node not in set(ids)]
    if strangers:
        failures.append(f"the graph draws nodes that are not actors of the corpus: {', '.join(str(node) for node in strangers[:5])}")
    if interact and dom["nodes"]:
        actor_id = dom["nodes"][0]
        x, y = page.center_of(f"Array.from(document.querySelectorAll('#graph svg g.node')).find(g => (g.hasAttribute('data-node') ? g.getAttribute('data-node') : ((g.querySelector('title') || {{}}).textContent || '').trim()) === {json.dumps(actor_id)})")
        page.click(x, y)
        selected = page.evaluate(f"""Array.from(document.querySelectorAll('tr.actor-row.selected')).map(r => r.getAttribute('data-actor'))""")
        if selected != [actor_id]:
            failures.append(f"clicking the node of {actor_id} marked the rows {selected}")
    return failures


def check_report(binary, report, graph, screenshot=None, full_page=None, graph_shot=None, interact=True):
    """Every failure found in `report`; empty when it passes."""
    browser = Browser(binary)
    try:
        page = Page(browser, report)
        failures = []
        if graph is not None and graph.get("schema") == "actorgraph-corpus/1":
            failures += check_corpus(page, graph, interact)
        elif graph is not None:
            failures += check_content(page, graph)
            if interact:
                failures += check_interaction(page, graph)
        browser.drain(0.2)
        failures = page.problems() + failures
        if screenshot:
            browser.drain(1.0)  # let a smooth scroll started by the clicks end
            page.evaluate("window.scrollTo({top: 0, behavior: 'instant'}), document.getElementById('tooltip') && (document.getElementById('tooltip').hidden = true)")
            page.wait_until("window.scrollY === 0", 2.0)
            page.screenshot(screenshot)
        if full_page:
            page.screenshot(full_page, full_page=True)
        if graph_shot:
            # The graph as a reader first sees it: nothing selected.
            page.call("Input.dispatchKeyEvent", {"type": "keyDown", "key": "Escape", "code": "Escape", "windowsVirtualKeyCode": 27})
            page.call("Input.dispatchKeyEvent", {"type": "keyUp", "key": "Escape", "code": "Escape", "windowsVirtualKeyCode": 27})
            page.screenshot(graph_shot, selector="#graph")
        return failures
    finally:
        browser.close()


PLANTED = {
    "a console error": "<script>console.error('planted console error');</script>",
    "an uncaught exception": "<script>undefinedFunctionPlantedForTheTest();</script>",
    "a network request": "<img src='http://127.0.0.1:9/planted.png' alt=''/>",
}


def self_test(binary, report=None, graph=None):
    """Plants faults and expects each to be caught, and a clean page to pass."""
    problems = []
    with tempfile.TemporaryDirectory() as folder:
        clean = pathlib.Path(folder, "clean.html")
        clean.write_text("<!DOCTYPE html><html><head><title>clean</title></head><body><p>ok</p><script>console.log('fine');</script></body></html>")
        failures = check_report(binary, clean, None)
        if failures:
            problems.append(f"a clean page failed: {failures}")
        for name, snippet in PLANTED.items():
            page = pathlib.Path(folder, "planted.html")
            page.write_text(f"<!DOCTYPE html><html><head><title>planted</title></head><body><p>x</p>{snippet}</body></html>")
            failures = check_report(binary, page, None)
            if not failures:
                problems.append(f"{name} was not caught")
            else:
                print(f"self-test: {name} caught: {failures[0]}")
        if report and graph:
            original = pathlib.Path(report).read_text(encoding="utf-8")
            start = original.find("<mark ")
            end = original.find(">", start)
            close = original.find("</mark>", end)
            broken = original[:start] + "<span>" + original[end + 1:close] + "</span>" + original[close + len("</mark>"):]
            lost = pathlib.Path(folder, "lost-highlight.html")
            lost.write_text(broken, encoding="utf-8")
            failures = check_report(binary, lost, graph, interact=False)
            if not failures:
                problems.append("a report with a lost highlight passed")
            else:
                print(f"self-test: a lost highlight caught: {failures[0]}")
            thrown = pathlib.Path(folder, "script-error.html")
            thrown.write_text(original.replace("'use strict';", "'use strict'; null.planted;", 1), encoding="utf-8")
            failures = check_report(binary, thrown, graph, interact=False)
            if not any("uncaught exception" in failure for failure in failures):
                problems.append("a report whose script throws passed")
            else:
                print("self-test: a throwing report script caught")
    return problems


def main():
    parser = argparse.ArgumentParser(description="Check an ActorGraph HTML report in headless Chromium.")
    parser.add_argument("report", nargs="?", help="the report's .html file")
    parser.add_argument("graph", nargs="?", help="the graph JSON of the same document (actorgraph extract --format json)")
    parser.add_argument("--screenshot", help="write a PNG of the first screen after the checks (1400×1800)")
    parser.add_argument("--full-page", help="write a PNG of the whole page")
    parser.add_argument("--graph-screenshot", help="write a PNG of the graph section")
    parser.add_argument("--self-test", action="store_true", help="check that planted faults are caught")
    args = parser.parse_args()

    binary = find_chromium()
    if binary is None:
        print("check-report: no Chromium found (apt-get install chromium, or set CHROMIUM)", file=sys.stderr)
        return 2
    graph = None
    if args.graph:
        try:
            graph = json.loads(pathlib.Path(args.graph).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            print(f"check-report: cannot read the graph {args.graph}: {error}", file=sys.stderr)
            return 2
    try:
        if args.self_test:
            problems = self_test(binary, args.report, graph)
            for problem in problems:
                print(f"check-report: self-test: {problem}", file=sys.stderr)
            print("check-report: self-test " + ("failed" if problems else "passed: every planted fault was caught"))
            return 1 if problems else 0
        if not args.report or graph is None:
            parser.error("give a report and its graph JSON, or --self-test")
        if not pathlib.Path(args.report).is_file():
            print(f"check-report: no report at {args.report}", file=sys.stderr)
            return 2
        failures = check_report(binary, args.report, graph, args.screenshot, args.full_page, args.graph_screenshot)
    except BrowserError as error:
        print(f"check-report: {error}", file=sys.stderr)
        return 1
    for failure in failures:
        print(f"check-report: {args.report}: {failure}", file=sys.stderr)
    if failures:
        print(f"check-report: FAILED with {len(failures)} problem(s)", file=sys.stderr)
        return 1
    if graph.get("schema") == "actorgraph-corpus/1":
        print(f"check-report: {args.report} passed: {len(graph['actors'])} actor rows and timelines, the graph's nodes, "
              f"no console errors, a click on a node marks its row")
    else:
        mentions = sum(len(actor["mentions"]) for actor in graph["actors"])
        print(f"check-report: {args.report} passed: {mentions} highlights for {len(graph['actors'])} actors, "
              f"{len(graph['actors']) + len(graph['events'])} graph nodes, no console errors, a click pins the actor")
    if args.screenshot:
        print(f"check-report: screenshot {args.screenshot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
