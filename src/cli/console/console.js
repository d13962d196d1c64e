"use strict";
// The console's page: views of tables, functions and APIs drawn from the console's
// JSON endpoints. Every value is put into the page as text, never as markup.
const TOKEN = new URLSearchParams(location.search).get("token") || "";
const main = document.getElementById("main");
let stopLive = null;
let info = { writes: false };

async function call(method, path, body) {
  const options = { method, headers: { "x-gatekit-token": TOKEN } };
  if (body !== undefined) {
    options.headers["content-type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch("/_gatekit/api/" + path, options);
  let data;
  try { data = await response.json(); } catch (e) { data = { error: { message: "the console answered " + response.status } }; }
  if (!response.ok) {
    const failure = new Error((data.error && data.error.message) || String(response.status));
    failure.data = data;
    throw failure;
  }
  return data;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : String(c));
  }
  return node;
}

function problem(e) {
  const hint = e.data && e.data.error && e.data.error.hint;
  return el("div", { class: "error", role: "alert" }, e.message, hint ? el("span", { class: "hint" }, hint) : null);
}

// Puts children (nodes, text, nested lists; null for nothing) in place of a node's.
function fill(node, ...children) {
  node.replaceChildren(...children.flat(Infinity).filter(c => c !== null && c !== undefined));
}

function shown(v) {
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v : JSON.stringify(v);
}

function bytes(n) {
  if (n === null || n === undefined) return "-";
  if (n < 1024) return n + " B";
  if (n < 1048576) return (n / 1024).toFixed(1) + " KB";
  return (n / 1048576).toFixed(1) + " MB";
}

function facts(pairs) {
  return el("dl", { class: "facts" }, pairs.filter(p => p[1] !== undefined).map(([k, v]) => [el("dt", {}, k), el("dd", {}, shown(v))]));
}

function grid(headers, rows, attrs) {
  return el("table", attrs || {}, el("thead", {}, el("tr", {}, headers.map(h => el("th", {}, h)))), el("tbody", {}, rows));
}

function enc(s) { return encodeURIComponent(s); }

async function view(render) {
  fill(main, el("p", { class: "muted" }, "loading…"));
  try { await render(); } catch (e) { fill(main, problem(e)); }
}

// A mark in the browser's performance timeline (devtools show it; the benchmark
// reads it).
function drawn(what) { performance.mark("gatekit: " + what + " drawn"); }

// ---- tables ----

async function tablesView() {
  const { tables } = await call("GET", "tables");
  const rows = tables.map(t => {
    const name = t.name || t.physical_name;
    return el("tr", { "data-table": name },
      el("td", {}, el("a", { href: "#/tables/" + enc(name), class: "table-link" }, name)),
      el("td", {}, t.physical_name), el("td", {}, t.status),
      el("td", { class: "num" }, shown(t.item_count)), el("td", { class: "num" }, bytes(t.size_bytes)),
      el("td", {}, [t.partition_key, t.sort_key].filter(Boolean).join(", ")),
      el("td", {}, (t.indexes || []).join(", ")));
  });
  fill(main, el("h2", {}, "Tables"),
    tables.length ? grid(["table", "physical name", "status", "items", "size", "keys", "indexes"], rows, { id: "tables" })
      : el("p", { class: "muted" }, "No tables yet: deploy the project."));
  drawn("tables");
}

// How a value is written in the editor: strings as they are, the rest as JSON.
function editText(v, type) {
  if (typeof v === "string" && (type === "string" || !looksJson(v))) return v;
  return JSON.stringify(v);
}
function looksJson(s) { try { JSON.parse(s); return true; } catch (e) { return false; } }
function editValue(text, type) {
  if (type === "string") return text;
  try { return JSON.parse(text); } catch (e) { return text; }
}

async function tableView(name) {
  const d = await call("GET", "tables/" + enc(name));
  const model = (d.item_model && d.item_model.attributes) || {};
  const keys = d.keys;
  const indexes = [...(d.global_indexes || []), ...(d.local_indexes || [])].map(i => i.name);
  const state = { next: null, items: [] };
  const form = el("form", { id: "read-form" });
  const mode = el("select", { id: "mode" }, el("option", { value: "scan" }, "scan"), el("option", { value: "query" }, "query"));
  const condition = el("input", { type: "text", id: "condition", class: "wide", placeholder: keys[0] + ' = "…"' });
  const where = el("input", { type: "text", id: "where-filter", class: "wide", placeholder: 'status = "open"' });
  const index = el("select", { id: "index" }, el("option", { value: "" }, "the table"), indexes.map(i => el("option", { value: i }, i)));
  const desc = el("input", { type: "checkbox", id: "desc" });
  const limit = el("input", { type: "text", id: "limit", value: "25", size: "4" });
  form.append(
    el("div", { class: "row" }, el("label", { for: "mode" }, "read"), mode, el("label", { for: "index" }, "on"), index,
      el("label", {}, desc, " newest first"), el("label", { for: "limit" }, "per page"), limit),
    el("div", { class: "row" }, el("label", { for: "condition" }, "key condition"), condition),
    el("div", { class: "row" }, el("label", { for: "where-filter" }, "where"), where),
    el("div", { class: "row" }, el("button", { type: "submit", id: "run" }, "Run"),
      info.writes ? el("button", { type: "button", class: "plain", id: "new-item", onclick: () => edit(null) }, "New item") : null));
  const results = el("div", { id: "results" });
  const editor = el("div", { id: "editor" });

  async function run(more) {
    const body = { condition: mode.value === "query" ? condition.value : null, where: where.value, index: index.value || null,
      desc: desc.checked, limit: parseInt(limit.value, 10) || 25, start: more ? state.next : null };
    try {
      const page = await call("POST", "tables/" + enc(name) + "/read", body);
      state.items = more ? state.items.concat(page.items) : page.items;
      state.next = page.next;
      drawItems();
      loadStream();
    } catch (e) { fill(results, problem(e)); }
  }

  function drawItems() {
    const columns = [...keys];
    for (const item of state.items) for (const k of Object.keys(item)) if (!columns.includes(k) && columns.length < 14) columns.push(k);
    // Plain rows (a click opens the item in the editor), one listener for all: a
    // page holds up to 1,000 of them.
    const rows = state.items.map((item, i) => el("tr", { class: "item pick", "data-index": i },
      columns.map(c => el("td", {}, shown(item[c])))));
    const table = grid(columns, rows, { id: "items", title: info.writes ? "click an item to edit or delete it" : null });
    table.addEventListener("click", ev => {
      const row = ev.target.closest("tr.item");
      if (row) edit(state.items[Number(row.getAttribute("data-index"))]);
    });
    fill(results, el("p", { class: "muted", id: "item-count" }, state.items.length + " item(s)" + (state.next ? ", more to read" : "")),
      table,
      el("div", { class: "row" }, state.next ? el("button", { type: "button", class: "plain", id: "next", onclick: () => run(true) }, "Next page") : null));
    drawn("items");
  }

  function keyOf(item) { const k = {}; for (const n of keys) k[n] = item[n]; return k; }

  async function remove(item) {
    if (!confirm("Delete the item " + JSON.stringify(keyOf(item)) + "?")) return;
    try { await call("POST", "tables/" + enc(name) + "/delete", { key: keyOf(item) }); fill(editor); await run(false); }
    catch (e) { results.prepend(problem(e)); }
  }

  function fieldRow(attr, value) {
    const type = model[attr] && model[attr].type;
    const row = el("div", { class: "field", "data-attribute": attr });
    const nameInput = el("input", { type: "text", class: "attr-name", value: attr, placeholder: "attribute" });
    const valueInput = el("input", { type: "text", class: "attr-value", value: value === undefined ? "" : editText(value, type) });
    row.append(nameInput, valueInput, el("span", { class: "muted" }, type || ""),
      el("button", { type: "button", class: "plain", title: "remove", onclick: () => row.remove() }, "×"),
      el("div", { class: "field-error" }));
    nameInput.addEventListener("input", () => row.setAttribute("data-attribute", nameInput.value));
    return row;
  }

  function edit(item) {
    const fields = el("div", { id: "fields" });
    const attrs = item ? Object.keys(item) : [...keys, ...Object.keys(model).filter(a => !keys.includes(a))];
    for (const a of keys) if (!attrs.includes(a)) attrs.unshift(a);
    for (const a of attrs) fields.append(fieldRow(a, item ? item[a] : undefined));
    const status = el("div", { id: "save-status" });
    async function save(ev) {
      ev.preventDefault();
      const out = {};
      for (const row of fields.querySelectorAll(".field")) {
        row.classList.remove("bad");
        row.querySelector(".field-error").textContent = "";
        const attr = row.querySelector(".attr-name").value.trim();
        const text = row.querySelector(".attr-value").value;
        if (!attr || text === "") continue;
        out[attr] = editValue(text, model[attr] && model[attr].type);
      }
      try {
        await call("POST", "tables/" + enc(name) + "/put", { item: out, replaces: item ? keyOf(item) : null });
        fill(editor, el("p", { class: "ok", id: "saved" }, "Saved."));
        await run(false);
      } catch (e) {
        const violations = (e.data && e.data.violations) || [];
        for (const v of violations) {
          let row = [...fields.querySelectorAll(".field")].find(r => r.getAttribute("data-attribute") === v.attribute);
          if (!row) { row = fieldRow(v.attribute, undefined); fields.append(row); }
          row.classList.add("bad");
          const slot = row.querySelector(".field-error");
          slot.textContent = (slot.textContent ? slot.textContent + "; " : "") + v.message;
        }
        fill(status, violations.length ? el("div", { class: "error", role: "alert" }, "The item breaks the item model: see the fields marked.") : problem(e));
      }
    }
    const form = el("form", { id: "item-form", onsubmit: save },
      el("h3", {}, item ? (info.writes ? "Edit item" : "Item") : "New item"), fields,
      el("div", { class: "row" },
        el("button", { type: "button", class: "plain", onclick: () => fields.append(fieldRow("", undefined)) }, "Add attribute"),
        info.writes ? el("button", { type: "submit", id: "save" }, "Save") : null,
        el("button", { type: "button", class: "plain", onclick: () => fill(editor) }, "Close"),
        item && info.writes ? el("button", { type: "button", class: "danger", id: "delete", onclick: () => remove(item) }, "Delete") : null),
      el("p", { class: "muted" }, "Values are JSON (42, true, [\"a\"], {\"k\": 1}); text that is not JSON is a string."),
      status);
    fill(editor, form);
    form.scrollIntoView();
  }

  const streamBox = el("div", { id: "stream" });
  async function loadStream() {
    try {
      const s = await call("GET", "tables/" + enc(name) + "/stream");
      if (!s.stream) {
        fill(streamBox, el("h3", {}, "Stream"), el("p", { class: "muted" }, "No stream: set stream: on the table in gatekit.yaml, or give a function a trigger on it."));
        return;
      }
      const when = t => t ? new Date(t * 1000).toISOString().replace("T", " ").slice(0, 19) : "";
      const records = s.records.slice().reverse().map(r => el("tr", { class: "record" }, el("td", {}, when(r.time)),
        el("td", {}, r.event), el("td", {}, shown(r.keys)), el("td", {}, shown(r.new_image)), el("td", {}, shown(r.old_image))));
      const triggers = s.triggers.map(t => el("tr", {}, el("td", {}, t.function), el("td", {}, t.state),
        el("td", { class: "num" }, shown(t.batch_size)), el("td", {}, t.starting_position), el("td", {}, t.last_result)));
      fill(streamBox, el("h3", {}, "Stream (" + (s.view_type || "") + "): newest records"),
        el("div", { class: "row" }, el("button", { type: "button", class: "plain", id: "stream-refresh", onclick: loadStream }, "Refresh")),
        triggers.length ? grid(["trigger function", "state", "batch size", "start", "last result"], triggers, { id: "triggers" })
          : el("p", { class: "muted" }, "No trigger reads it."),
        records.length ? grid(["time", "event", "keys", "new image", "old image"], records, { id: "records" })
          : el("p", { class: "muted", id: "records-none" }, "No records in the last 24 hours."));
    } catch (e) { fill(streamBox, problem(e)); }
  }

  form.addEventListener("submit", ev => { ev.preventDefault(); run(false); });
  const keyText = [d.partition_key, d.sort_key].filter(Boolean).map((k, i) => k.name + " (" + k.type + ", " + (i ? "sort" : "partition") + ")").join(", ");
  fill(main, el("h2", {}, d.logical_name || d.name),
    facts([["physical name", d.name], ["keys", keyText], ["indexes", indexes.join(", ") || "none"],
      ["items", shown(d.item_count) + " (" + bytes(d.size_bytes) + ")"], ["billing", d.billing],
      ["item model", d.item_model ? Object.keys(model).length + " attribute(s), unknown: " + (d.item_model.unknown || "allow") : "none"]]),
    form, editor, results, streamBox);
  await run(false);
}

// ---- functions ----

async function functionsView() {
  const { functions } = await call("GET", "functions");
  const rows = functions.map(f => el("tr", { "data-function": f.name },
    el("td", {}, el("a", { href: "#/functions/" + enc(f.name), class: "function-link" }, f.name)),
    el("td", {}, f.physical_name), el("td", {}, shown(f.runtime)), el("td", { class: "num" }, shown(f.memory)),
    el("td", { class: "num" }, shown(f.timeout)), el("td", {}, f.state)));
  fill(main, el("h2", {}, "Functions"),
    functions.length ? grid(["function", "physical name", "runtime", "memory", "timeout", "state"], rows, { id: "functions" })
      : el("p", { class: "muted" }, "No functions."));
}

async function functionView(name) {
  // Set first: a view left while it still loads stops its tail before it starts.
  let alive = true;
  stopLive = () => { alive = false; };
  const d = await call("GET", "functions/" + enc(name));
  const env = Object.entries(d.environment || {}).map(([k, v]) => k + "=" + v).join("\n");
  const payload = el("textarea", { id: "payload", rows: "8", spellcheck: "false" });
  payload.value = "{}";
  const saved = el("select", { id: "saved" });
  const payloadName = el("input", { type: "text", id: "payload-name", placeholder: "name", size: "14" });
  const result = el("pre", { id: "result" });
  const invokeLog = el("pre", { id: "invoke-log" });
  const status = el("div", { id: "invoke-status" });
  const live = el("pre", { id: "live-log" });
  let savedPayloads = {};

  async function loadSaved() {
    try {
      savedPayloads = (await call("GET", "functions/" + enc(name) + "/payloads")).payloads;
      fill(saved, el("option", { value: "" }, "saved payloads…"), Object.keys(savedPayloads).map(n => el("option", { value: n }, n)));
    } catch (e) { fill(status, problem(e)); }
  }
  saved.addEventListener("change", () => {
    if (saved.value in savedPayloads) { payload.value = savedPayloads[saved.value]; payloadName.value = saved.value; }
  });
  async function savePayload() {
    try {
      await call("PUT", "functions/" + enc(name) + "/payloads/" + enc(payloadName.value), { payload: payload.value });
      await loadSaved();
      saved.value = payloadName.value;
      fill(status, el("span", { class: "ok" }, "Saved " + payloadName.value + "."));
    } catch (e) { fill(status, problem(e)); }
  }
  async function invoke(ev) {
    ev.preventDefault();
    fill(status, el("span", { class: "muted" }, "invoking…"));
    try {
      const r = await call("POST", "functions/" + enc(name) + "/invoke", { payload: payload.value });
      let text = r.result;
      try { text = JSON.stringify(JSON.parse(r.result), null, 2); } catch (e) { /* shown as it came */ }
      result.textContent = text;
      invokeLog.textContent = r.log || "";
      fill(status, el("span", { class: r.function_error ? "error" : "ok" },
        (r.function_error ? "Function error (" + r.function_error + ")" : "Status " + r.status_code) + " · " + r.ms + " ms · " + (r.request_id || "")));
    } catch (e) { fill(status, problem(e)); }
  }

  fill(main, el("h2", {}, name),
    facts([["physical name", d.physical_name], ["runtime", d.runtime], ["handler", d.handler], ["memory", d.memory + " MB"],
      ["timeout", d.timeout + " s"], ["code", bytes(d.code_size) + ", sha256 " + (d.code_sha256 || "")], ["last modified", d.last_modified],
      ["role", d.role], ["environment", env || "none"], ["log group", d.log_group]]),
    el("form", { id: "invoke-form", onsubmit: invoke },
      el("h3", {}, "Invoke"),
      el("div", { class: "row" }, saved, payloadName, el("button", { type: "button", class: "plain", id: "save-payload", onclick: savePayload }, "Save payload")),
      payload,
      el("div", { class: "row" }, info.writes ? el("button", { type: "submit", id: "invoke" }, "Invoke") : el("span", { class: "muted" }, "read-only: start the console with --allow-writes to invoke"), status)),
    el("div", { class: "side" }, el("div", {}, el("h3", {}, "Result"), result), el("div", {}, el("h3", {}, "Log of this invocation"), invokeLog)),
    el("h3", {}, "Live log"), live);
  await loadSaved();

  // The live tail: from now on, read every second from the newest line shown.
  let since = Date.now() - 5 * 60 * 1000;
  let seen = new Set();
  while (alive) {
    try {
      const { lines } = await call("GET", "functions/" + enc(name) + "/logs?since=" + since);
      for (const l of lines) {
        if (seen.has(l.id)) continue;
        live.append(new Date(l.timestamp).toISOString().slice(11, 23) + "  " + l.message + "\n");
      }
      if (lines.length) {
        since = lines[lines.length - 1].timestamp;
        seen = new Set(lines.filter(l => l.timestamp === since).map(l => l.id));
        live.scrollTop = live.scrollHeight;
      }
    } catch (e) { /* the target may restart: try again */ }
    await new Promise(r => setTimeout(r, 1000));
  }
}

// ---- APIs ----

async function apisView() {
  const { apis } = await call("GET", "apis");
  fill(main, el("h2", {}, "APIs"), apis.length ? apis.map(a => el("div", { class: "panel", "data-api": a.name },
    el("h3", {}, el("a", { href: "#/apis/" + enc(a.name), class: "api-link" }, a.name), " · stage " + a.stage),
    el("p", {}, a.url, " · ", el("a", { href: "/_gatekit/api/apis/" + enc(a.name) + "/docs?token=" + enc(TOKEN), target: "_blank", rel: "noopener" }, "API reference")),
    routeTable(a, null))) : el("p", { class: "muted" }, "No deployed APIs."));
}

function routeTable(a, pick) {
  return grid(["method", "path", "function", "URL"], a.routes.map(r => el("tr", { class: pick ? "pick" : null, onclick: pick ? () => pick(r) : null },
    el("td", { class: "method" }, r.method), el("td", {}, r.path), el("td", {}, r.function), el("td", {}, r.url))), { class: "routes" });
}

async function apiView(name) {
  const { apis } = await call("GET", "apis");
  const a = apis.find(x => x.name === name);
  if (!a) throw new Error("no deployed API " + name);
  const method = el("select", { id: "req-method" }, ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"].map(m => el("option", { value: m }, m)));
  const path = el("input", { type: "text", id: "req-path", class: "wide", value: "/" });
  const query = el("textarea", { id: "req-query", rows: "2", placeholder: "name=value, one per line" });
  const headers = el("textarea", { id: "req-headers", rows: "2", placeholder: "Name: value, one per line" });
  const body = el("textarea", { id: "req-body", rows: "5", placeholder: "body" });
  const out = el("div", { id: "response" });
  function pick(r) {
    method.value = r.method === "ANY" ? "GET" : r.method;
    path.value = r.path.replace(/\{([^}+]+)\+?\}/g, "$1");
    path.focus();
  }
  function pairs(text, sep) {
    return text.split("\n").map(l => l.trim()).filter(Boolean).map(l => {
      const i = l.indexOf(sep);
      return i < 0 ? [l, ""] : [l.slice(0, i).trim(), l.slice(i + 1).trim()];
    });
  }
  async function send(ev) {
    ev.preventDefault();
    fill(out, el("p", { class: "muted" }, "sending…"));
    try {
      const r = await call("POST", "apis/" + enc(name) + "/request", { method: method.value, path: path.value,
        query: pairs(query.value, "="), headers: pairs(headers.value, ":"), body: body.value });
      let text = r.body;
      try { text = JSON.stringify(JSON.parse(r.body), null, 2); } catch (e) { /* shown as it came */ }
      fill(out,
        el("p", { id: "response-status", class: r.status < 400 ? "ok" : "error" }, r.status + " · " + r.ms + " ms · " + r.method + " " + r.url),
        el("div", { class: "side" },
          el("div", {}, el("h3", {}, "Body"), el("pre", { id: "response-body" }, text)),
          el("div", {}, el("h3", {}, "Headers"), grid(["name", "value"], r.headers.map(([k, v]) => el("tr", {}, el("td", {}, k), el("td", {}, v))), { id: "response-headers" }))));
    } catch (e) { fill(out, problem(e)); }
  }
  fill(main, el("h2", {}, a.name + " · stage " + a.stage),
    el("p", {}, a.url, " · ", el("a", { href: "/_gatekit/api/apis/" + enc(a.name) + "/docs?token=" + enc(TOKEN), target: "_blank", rel: "noopener", id: "api-docs" }, "API reference")),
    routeTable(a, pick),
    el("form", { id: "request-form", onsubmit: send },
      el("h3", {}, "Send a request"),
      el("div", { class: "row" }, method, path, el("button", { type: "submit", id: "send" }, "Send")),
      el("div", { class: "side" }, el("div", {}, el("label", { for: "req-query" }, "query"), query), el("div", {}, el("label", { for: "req-headers" }, "headers"), headers)),
      el("label", { for: "req-body" }, "body"), body),
    out);
}

// ---- routing ----

function route() {
  if (stopLive) { stopLive(); stopLive = null; }
  const parts = (location.hash.replace(/^#\/?/, "") || "tables").split("/").map(decodeURIComponent);
  for (const a of document.querySelectorAll("header nav a")) a.classList.toggle("on", a.id === "nav-" + parts[0]);
  const [kind, name] = parts;
  if (kind === "tables") return view(() => name ? tableView(name) : tablesView());
  if (kind === "functions") return view(() => name ? functionView(name) : functionsView());
  if (kind === "apis") return view(() => name ? apiView(name) : apisView());
  fill(main, el("p", {}, "Nothing here: choose Tables, Functions or APIs."));
}

window.addEventListener("hashchange", route);
call("GET", "overview").then(o => {
  info = o;
  document.getElementById("where").textContent = [o.project, "target " + o.target, o.endpoint, o.writes ? null : "read-only"].filter(Boolean).join(" · ");
}).catch(e => fill(main, problem(e))).finally(route);
