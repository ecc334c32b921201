// The agent's return visits (我的回访): each row records an outcome with a button or, when the row has focus, a digit key.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const outcomes = [
    { key: "1", value: "Satisfied", label: "满意" },
    { key: "2", value: "BasicallySatisfied", label: "基本满意" },
    { key: "3", value: "Unsatisfied", label: "不满意" },
    { key: "4", value: "Unreachable", label: "未接通" },
  ];
  let focusIndex = null; // the row to focus after the list is reloaded

  function row(item, index) {
    const t = item.ticket;
    const note = hl.el("input");
    note.maxLength = 500;
    note.placeholder = "回访记录（可选）";
    note.setAttribute("aria-label", "工单 " + t.id + " 的回访记录");
    note.className = "callback-note";
    const buttons = hl.el("span", null, "row");
    for (const o of outcomes) {
      const b = hl.el("button", o.label + " (" + o.key + ")");
      b.type = "button";
      b.dataset.outcome = o.value;
      b.addEventListener("click", () => record(t.id, o, note.value, index));
      buttons.appendChild(b);
    }
    const tr = hl.row([t.id, t.stateLabel, item.mine ? "本人" : "其他", t.callerPhone, t.content, t.leadDepartmentName || t.leadDepartmentId || "—",
      item.attempts > 0 ? item.attempts + " 次" : "—", note, buttons], item.mine ? "mine" : "");
    tr.tabIndex = 0;
    tr.dataset.ticket = t.id;
    tr.setAttribute("aria-label", "工单 " + t.id + "：" + t.content);
    tr.addEventListener("keydown", (e) => {
      if (e.target.tagName === "INPUT" || e.altKey || e.ctrlKey || e.metaKey) { return; }
      const o = outcomes.find((x) => x.key === e.key);
      if (o) { e.preventDefault(); record(t.id, o, note.value, index); }
    });
    return tr;
  }

  async function record(id, outcome, note, index) {
    $("callback-message").textContent = "";
    try {
      const t = await hl.json("/api/console/agent/tickets/" + encodeURIComponent(id) + "/callback",
        { method: "POST", body: { satisfaction: outcome.value, note: note } });
      $("callback-message").textContent = "已记录回访：" + t.id + " " + outcome.label + "（" + t.stateLabel + "）";
      focusIndex = index;
      await load();
    } catch (e) { $("callback-message").textContent = e.message; }
  }

  async function load() {
    try {
      const items = await hl.json("/api/console/agent/callbacks");
      const body = $("callback-tickets").tBodies[0];
      hl.fill(body, items.map(row));
      $("callbacks-empty").hidden = items.length > 0;
      if (focusIndex !== null && body.rows.length > 0) { body.rows[Math.min(focusIndex, body.rows.length - 1)].focus(); }
      focusIndex = null;
    } catch (e) { $("callback-message").textContent = e.message; }
  }

  document.addEventListener("hl:callbacks", load);
})();
