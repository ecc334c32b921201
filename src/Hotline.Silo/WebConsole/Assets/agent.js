"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  let created = null;

  async function loadState() {
    try {
      const s = await hl.json("/api/console/agent/state");
      $("agent-state").textContent = s.label;
      $("agent-state").dataset.state = s.state;
      $("agent-reason").textContent = s.reason ? "（" + s.reason + "）" : "";
    } catch (e) { $("state-error").textContent = e.message; }
  }

  async function setState(state) {
    $("state-error").textContent = "";
    try {
      await hl.json("/api/console/agent/state", { method: "POST", body: { state: state, reason: $("notready-reason").value } });
    } catch (e) { $("state-error").textContent = e.message; }
    loadState();
  }

  function ticketItem(t) {
    const li = hl.el("li");
    li.appendChild(hl.el("strong", t.id + " "));
    li.appendChild(hl.el("span", t.stateLabel + " · " + t.category + " · ", "tag"));
    li.appendChild(hl.el("span", t.content));
    return li;
  }

  function showCall(notice) {
    if (notice.phase === "Ended") { $("call-phase").textContent = "已结束"; return; }
    $("call-none").hidden = true;
    $("call-info").hidden = false;
    $("call-number").textContent = notice.callerNumber;
    $("call-phase").textContent = notice.phase === "Ringing" ? "振铃" : "通话中";
    $("call-history").replaceChildren(...(notice.earlierTickets || []).map(ticketItem));
    if (!notice.earlierTickets || notice.earlierTickets.length === 0) { $("call-history").appendChild(hl.el("li", "无历史工单", "muted")); }
    $("call-nearby").replaceChildren(...(notice.nearbyTickets || []).map(ticketItem));
    if (!notice.nearbyTickets || notice.nearbyTickets.length === 0) { $("call-nearby").appendChild(hl.el("li", "附近暂无未办结工单", "muted")); }
    if (!$("f-phone").value) { $("f-phone").value = notice.callerNumber; }
    loadState();
  }

  function watchCalls() {
    const source = new EventSource("/api/console/agent/calls");
    source.addEventListener("call", (e) => showCall(hl.eventData(e)));
  }

  function formBody() {
    const f = $("ticket-form");
    return {
      callerPhone: f.callerPhone.value, callerName: f.callerName.value, category: f.category.value,
      district: f.district.value, address: f.address.value, content: f.content.value, urgency: f.urgency.value,
    };
  }

  async function advise() {
    const body = formBody();
    if (!body.content.trim()) { return; }
    try {
      const advice = await hl.json("/api/console/agent/advice", { method: "POST", body: body });
      const select = $("dispatch-department");
      $("suggestions").replaceChildren(...advice.suggestions.map((s) => {
        const li = hl.el("li");
        li.appendChild(hl.el("strong", s.name + "（" + s.departmentId + "）"));
        const reasons = hl.el("ul");
        for (const e of s.evidence) { reasons.appendChild(hl.el("li", e.description, "muted")); }
        li.appendChild(reasons);
        return li;
      }));
      if (advice.suggestions.length > 0) { select.value = advice.suggestions[0].departmentId; }
      $("similar").replaceChildren(...advice.similar.map((s) => {
        const li = ticketItem(s.ticket);
        const merge = hl.el("button", "合并到此件");
        merge.type = "button";
        merge.dataset.action = "merge";
        merge.dataset.ticket = s.ticket.id;
        merge.addEventListener("click", () => {
          if (!created) { $("action-message").textContent = "请先登记工单，再合并到相似工单"; return; }
          act("/merge", { parentId: s.ticket.id, reason: "重复诉求" }, "已合并");
        });
        li.appendChild(merge);
        return li;
      }));
      if (advice.similar.length === 0) { $("similar").appendChild(hl.el("li", "没有相似的未办结工单", "muted")); }
    } catch (e) { $("form-message").textContent = e.message; }
  }

  async function searchKnowledge(query) {
    if (!query.trim()) { return; }
    try {
      const result = await hl.json("/api/console/knowledge?q=" + encodeURIComponent(query));
      $("kb-hits").replaceChildren(...result.hits.map((h) => {
        const li = hl.el("li");
        const title = hl.el("div", null, "kb-title");
        title.appendChild(hl.marked(h.title));
        li.appendChild(title);
        const snippet = hl.el("div", null, "muted");
        snippet.appendChild(hl.marked(h.snippet));
        li.appendChild(snippet);
        return li;
      }));
      if (result.hits.length === 0) { $("kb-hits").appendChild(hl.el("li", "未找到相关知识", "muted")); }
    } catch (e) { $("kb-hits").replaceChildren(hl.el("li", e.message, "error")); }
  }

  async function loadOptions() {
    try {
      const departments = await hl.json("/api/console/agent/departments");
      $("dispatch-department").replaceChildren(...departments.map((d) => { const o = hl.el("option", d.name + "（" + d.id + "）"); o.value = d.id; return o; }));
      const districts = await hl.json("/api/console/agent/districts");
      $("district-list").replaceChildren(...districts.map((d) => { const o = hl.el("option"); o.value = d; return o; }));
    } catch (e) { $("form-message").textContent = e.message; }
  }

  const ticketRow = (t) => hl.row([t.id, t.stateLabel, t.category, t.district, t.content, t.leadDepartmentId || "—"]);

  async function loadMine() {
    try {
      const tickets = await hl.json("/api/console/agent/mine");
      hl.fill($("my-tickets").tBodies[0], tickets.map(ticketRow));
      document.dispatchEvent(new Event("hl:callbacks"));
      const review = await hl.json("/api/console/agent/worklist/review");
      hl.fill($("review-tickets").tBodies[0], review.map(ticketRow));
    } catch (e) { $("action-message").textContent = e.message; }
  }

  async function act(path, body, done) {
    $("action-message").textContent = "";
    try {
      const t = await hl.json("/api/console/agent/tickets/" + encodeURIComponent(created) + path, { method: "POST", body: body });
      $("action-message").textContent = done + "：" + t.id + "（" + t.stateLabel + "）";
      loadMine();
    } catch (e) { $("action-message").textContent = e.message; }
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("btn-ready").addEventListener("click", () => setState("READY"));
    $("btn-notready").addEventListener("click", () => setState("NOT_READY"));
    $("ticket-form").addEventListener("submit", async (e) => {
      e.preventDefault();
      $("form-message").textContent = "";
      try {
        const t = await hl.json("/api/console/agent/tickets", { method: "POST", body: formBody() });
        created = t.id;
        $("created-id").textContent = t.id;
        $("after-create").hidden = false;
        $("form-message").textContent = "已登记";
        loadMine();
        $("dispatch-department").focus();
      } catch (err) { $("form-message").textContent = err.message; }
    });
    let timer = null;
    $("f-content").addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => { advise(); searchKnowledge($("f-content").value.slice(0, 60)); }, 600);
    });
    $("f-district").addEventListener("change", advise);
    $("kb-form").addEventListener("submit", (e) => { e.preventDefault(); searchKnowledge($("kb-query").value); });
    $("btn-dispatch").addEventListener("click", () => act("/dispatch", { departmentId: $("dispatch-department").value, instructions: $("dispatch-instructions").value }, "已派单"));
    $("btn-resolve").addEventListener("click", () => act("/resolve", { answer: $("resolve-answer").value }, "已直接办结"));
    $("btn-mine").addEventListener("click", loadMine);
    loadState();
    loadOptions();
    loadMine();
    watchCalls();
  });
})();
