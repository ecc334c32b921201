"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  let snapshot = null;

  function render() {
    if (!snapshot) { return; }
    const s = snapshot;
    const now = Date.now();
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
    hl.fill($("agents").tBodies[0], s.agents.map((a) => hl.row([a.id, a.label, hl.duration((now - Date.parse(a.since)) / 1000), a.reason || ""])));
    $("agent-counts").textContent = s.agentCounts.filter((c) => c.count > 0).map((c) => c.label + " " + c.count).join("　");
    hl.fill($("late-tickets").tBodies[0], s.tickets.map((t) => hl.row([t.id, t.stateLabel, t.leadDepartmentId || "—", t.signStatus, t.handleStatus, t.content], t.late ? "late" : "near")));
    $("alerts").replaceChildren(...s.alerts.map((a) => hl.el("div", a)));
    $("updated-at").textContent = new Date(Date.parse(s.at)).toLocaleTimeString("zh-CN");
  }

  document.addEventListener("DOMContentLoaded", () => {
    const source = new EventSource("/api/console/wallboard/events");
    source.addEventListener("snapshot", (e) => { snapshot = hl.eventData(e); document.body.dataset.snapshots = String(Number(document.body.dataset.snapshots || 0) + 1); render(); });
    source.addEventListener("open", () => { $("live-state").textContent = "实时"; });
    source.addEventListener("error", () => { $("live-state").textContent = "连接中断，正在重连…"; });
    // Time in state moves on between snapshots.
    setInterval(render, 1000);
  });
})();
