"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  let snapshot = null;
  let pending = null; // the decision being filled in: { path, body, needsDepartment, needsReason }

  function button(text, action, data) {
    const b = hl.el("button", text);
    b.type = "button";
    b.dataset.action = action;
    for (const k of Object.keys(data)) { b.dataset[k] = data[k]; }
    return b;
  }

  function agentRow(a) {
    const duration = hl.el("span", "", "since");
    duration.dataset.since = a.since;
    const actions = hl.el("span");
    if (a.state !== "NotReady" && a.state !== "Offline") { actions.appendChild(button("置忙", "agent-not-ready", { agent: a.id })); }
    const tr = hl.row([a.id, a.label, duration, a.reason || "", actions]);
    tr.dataset.agent = a.id;
    return tr;
  }

  const kindLabels = { extension: "延期申请", "return": "退单", designation: "待指定部门", review: "办结回复待审核" };

  function decisionRow(d) {
    const t = d.ticket;
    let detail = "";
    if (d.kind === "extension" && d.extension) { detail = d.extension.departmentId + " 申请延期 " + d.extension.days + " 天：" + d.extension.reason; }
    else if (d.kind === "review") { detail = (t.leadDepartmentId || "") + " 回复：" + (d.reply || ""); }
    else if (d.kind === "return") { detail = (t.leadDepartmentId || "") + " 退回" + (d.needsDesignation ? "（须指定部门）" : ""); }
    else { detail = "多次派单未签收，须指定部门"; }
    const actions = hl.el("span", null, "row");
    const id = { ticket: t.id };
    if (d.kind === "extension") {
      actions.append(button("批准延期", "extension-approve", id), button("不批准", "extension-deny", id));
    } else if (d.kind === "review") {
      actions.append(button("审核通过", "review-approve", id), button("退回重办", "review-reject", id));
    } else if (d.kind === "return") {
      if (!d.needsDesignation) { actions.append(button("同意退单并改派", "return-approve", id), button("不同意退单", "return-deny", id)); }
      actions.append(button("指定部门", "designate", id));
    } else {
      actions.append(button("指定部门", "designate", id));
    }
    const tr = hl.row([t.id, kindLabels[d.kind] || d.kind, t.content, detail, actions]);
    tr.dataset.ticket = t.id;
    tr.dataset.kind = d.kind;
    return tr;
  }

  function tick() {
    const now = Date.now();
    for (const span of document.querySelectorAll("#agents .since")) { span.textContent = hl.duration((now - Date.parse(span.dataset.since)) / 1000); }
  }

  function render() {
    if (!snapshot) { return; }
    const s = snapshot;
    $("t-offered").textContent = s.today.offered;
    $("t-answered").textContent = s.today.answered;
    $("t-abandoned").textContent = s.today.abandoned;
    $("t-rate").textContent = hl.percent(s.today.answerRate);
    $("t-rate15").textContent = hl.percent(s.today.answered15Rate);
    $("t-asa").textContent = hl.duration(s.today.asaSeconds);
    $("t-sl").textContent = hl.percent(s.today.serviceLevel);
    $("t-sl-target").textContent = "目标 " + hl.percent(s.today.serviceLevelTarget) + " / " + s.today.serviceLevelSeconds + "秒";
    $("t-sl").parentElement.classList.toggle("bad", s.today.serviceLevel !== null && s.today.serviceLevel < s.today.serviceLevelTarget);
    hl.fill($("queues").tBodies[0], s.queues.map((q) => hl.row([q.queueId, q.waiting, hl.duration(q.longestWaitSeconds), q.readyAgents, q.busyAgents])));
    // Rows are rebuilt only when a snapshot arrives, so a focused button keeps its focus between snapshots.
    const focused = document.activeElement && document.activeElement.dataset ? Object.assign({}, document.activeElement.dataset) : null;
    hl.fill($("agents").tBodies[0], s.agents.map(agentRow));
    $("agent-counts").textContent = s.agentCounts.filter((c) => c.count > 0).map((c) => c.label + " " + c.count).join("　");
    hl.fill($("late-tickets").tBodies[0], s.tickets.map((t) => hl.row([t.id, t.stateLabel, t.leadDepartmentId || "—", t.signStatus, t.handleStatus, t.content], t.late ? "late" : "near")));
    hl.fill($("decisions").tBodies[0], (s.decisions || []).map(decisionRow));
    $("decisions-empty").hidden = (s.decisions || []).length > 0;
    if (focused && focused.action) {
      const again = document.querySelector("button[data-action='" + focused.action + "'][data-" + (focused.agent ? "agent" : "ticket") + "='" + CSS.escape(focused.agent || focused.ticket || "") + "']");
      if (again) { again.focus(); }
    }
    $("alerts").replaceChildren(...s.alerts.map((a) => hl.el("div", a)));
    $("updated-at").textContent = new Date(Date.parse(s.at)).toLocaleTimeString("zh-CN");
    tick();
  }

  // What each button asks for before it is sent.
  const actions = {
    "extension-approve": (d) => ({ title: "批准工单 " + d.ticket + " 的延期申请", path: "/tickets/" + encodeURIComponent(d.ticket) + "/extension", approve: true }),
    "extension-deny": (d) => ({ title: "不批准工单 " + d.ticket + " 的延期申请", path: "/tickets/" + encodeURIComponent(d.ticket) + "/extension", approve: false, reason: true }),
    "return-approve": (d) => ({ title: "同意工单 " + d.ticket + " 退单，改派到", path: "/tickets/" + encodeURIComponent(d.ticket) + "/return", approve: true, department: true }),
    "return-deny": (d) => ({ title: "不同意工单 " + d.ticket + " 退单，退回原部门", path: "/tickets/" + encodeURIComponent(d.ticket) + "/return", approve: false, reason: true }),
    "designate": (d) => ({ title: "为工单 " + d.ticket + " 指定承办部门", path: "/tickets/" + encodeURIComponent(d.ticket) + "/designate", department: true }),
    "review-approve": (d) => ({ title: "审核通过工单 " + d.ticket + " 的办结回复", path: "/tickets/" + encodeURIComponent(d.ticket) + "/review", approve: true }),
    "review-reject": (d) => ({ title: "退回工单 " + d.ticket + " 重办", path: "/tickets/" + encodeURIComponent(d.ticket) + "/review", approve: false, reason: true }),
    "agent-not-ready": (d) => ({ title: "将坐席 " + d.agent + " 置为示忙", path: "/agents/" + encodeURIComponent(d.agent) + "/not-ready", reason: true }),
  };

  function open(button) {
    const make = actions[button.dataset.action];
    if (!make) { return; }
    pending = make(button.dataset);
    $("decision-title").textContent = pending.title;
    $("decision-department-label").hidden = !pending.department;
    $("decision-reason").placeholder = pending.reason ? "原因（必填）" : "说明（可选）";
    $("decision-reason").value = "";
    $("decision-message").textContent = "";
    $("decision-form").hidden = false;
    (pending.department ? $("decision-department") : $("decision-reason")).focus();
  }

  function close() {
    pending = null;
    $("decision-form").hidden = true;
  }

  async function submit() {
    if (!pending) { return; }
    const body = { reason: $("decision-reason").value };
    if (pending.approve !== undefined) { body.approve = pending.approve; }
    if (pending.department) { body.departmentId = $("decision-department").value; }
    $("decision-message").textContent = "";
    try {
      await hl.json("/api/console/supervisor" + pending.path, { method: "POST", body: body });
      $("decision-result").textContent = "已完成：" + pending.title;
      close();
    } catch (e) { $("decision-message").textContent = e.message; }
  }

  async function loadDepartments() {
    try {
      const departments = await hl.json("/api/console/agent/departments");
      $("decision-department").replaceChildren(...departments.map((d) => { const o = hl.el("option", d.name + "（" + d.id + "）"); o.value = d.id; return o; }));
    } catch (e) { $("decision-message").textContent = e.message; }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const source = new EventSource("/api/console/wallboard/events");
    source.addEventListener("snapshot", (e) => { snapshot = hl.eventData(e); document.body.dataset.snapshots = String(Number(document.body.dataset.snapshots || 0) + 1); render(); });
    source.addEventListener("open", () => { $("live-state").textContent = "实时"; });
    source.addEventListener("error", () => { $("live-state").textContent = "连接中断，正在重连…"; });
    document.addEventListener("click", (e) => { const b = e.target.closest("button[data-action]"); if (b) { open(b); } });
    $("decision-form").addEventListener("submit", (e) => { e.preventDefault(); submit(); });
    $("decision-cancel").addEventListener("click", close);
    $("decision-form").addEventListener("keydown", (e) => { if (e.key === "Escape") { close(); } });
    loadDepartments();
    // Time in state moves on between snapshots.
    setInterval(tick, 1000);
  });
})();
