"use strict";
(function () {
  document.addEventListener("DOMContentLoaded", async () => {
    const table = document.getElementById("liaison-tickets");
    try {
      const tickets = await hl.json("/api/console/liaison/tickets");
      hl.fill(table.tBodies[0], tickets.map((t) => hl.row([t.id, t.stateLabel, t.category, t.district, t.address, t.content, t.callerPhone, t.signStatus, t.handleStatus], t.late ? "late" : (t.near ? "near" : ""))));
      document.getElementById("liaison-empty").hidden = tickets.length > 0;
    } catch (e) {
      table.insertAdjacentElement("afterend", hl.el("p", e.message, "error"));
    }
  });
})();
