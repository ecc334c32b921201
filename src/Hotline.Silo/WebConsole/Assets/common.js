// Shared helpers of the console pages. Every text from the server is set with textContent, never as HTML.
"use strict";
const hl = {
  async json(url, options) {
    const init = Object.assign({ headers: {}, credentials: "same-origin" }, options || {});
    if (init.body !== undefined && typeof init.body !== "string") {
      init.body = JSON.stringify(init.body);
      init.headers["Content-Type"] = "application/json";
    }
    const response = await fetch(url, init);
    if (response.status === 401) { location.href = "/?returnUrl=" + encodeURIComponent(location.pathname); throw new Error("未登录"); }
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) { throw new Error((data && data.error) ? (data.field ? (data.fieldLabel || data.field) + "：" : "") + data.error : "请求失败（" + response.status + "）"); }
    return data;
  },
  el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  },
  // Segments [{text, hit}] as text nodes and <mark> elements.
  marked(segments) {
    const span = document.createElement("span");
    for (const s of segments || []) { span.appendChild(s.hit ? hl.el("mark", s.text) : document.createTextNode(s.text)); }
    return span;
  },
  row(cells, className) {
    const tr = document.createElement("tr");
    if (className) { tr.className = className; }
    for (const c of cells) { const td = document.createElement("td"); if (c instanceof Node) { td.appendChild(c); } else { td.textContent = c === null || c === undefined ? "" : String(c); } tr.appendChild(td); }
    return tr;
  },
  fill(tbody, rows) { tbody.replaceChildren(...rows); },
  percent(v) { return v === null || v === undefined ? "–" : (v * 100).toFixed(1) + "%"; },
  duration(seconds) {
    if (seconds === null || seconds === undefined) { return "–"; }
    seconds = Math.max(0, Math.round(seconds));
    const m = Math.floor(seconds / 60), s = seconds % 60;
    return m > 0 ? m + "分" + String(s).padStart(2, "0") + "秒" : s + "秒";
  },
  // The JSON of a server-sent event (a snapshot may arrive as a JSON string holding JSON).
  eventData(e) { let d = JSON.parse(e.data); if (typeof d === "string") { d = JSON.parse(d); } return d; },
};
