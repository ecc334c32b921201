#!/usr/bin/python3
"""Drives a ticket's whole lifecycle through a running Hotline host from python3-grpcio.

HotlineDesk (agent and supervisor tokens) and DepartmentDesk (a department token): create,
dispatch, watch, claim, progress, extension, reply, review, callback, close; a return and its
rejection; and the status codes of bad calls. Prints PASS/FAIL per check; exits 1 on any FAIL.

  /usr/bin/python3 hotline_lifecycle.py --target 127.0.0.1:50051 --proto-root src/Hotline.Api/Protos \
      --agent-token T1 --supervisor-token T2 --department-token T3 --department-id D01
"""

import argparse
import sys
import threading

import grpc

from protoset import ProtoSet

HOTLINE = "hotline.v1.HotlineDesk"
DEPARTMENT = "hotline.v1.DepartmentDesk"
KNOWLEDGE = "hotline.v1.Knowledge"
ADMINISTRATION = "hotline.v1.Administration"
failures = []


def check(name, condition, detail=""):
    print(("PASS " if condition else "FAIL ") + name + ("" if condition else ": " + str(detail)), flush=True)
    if not condition:
        failures.append(name)


def expect_error(name, call, code, message_part=None):
    try:
        call()
        check(name, False, "no error")
    except grpc.RpcError as error:
        ok = error.code() == code and (message_part is None or message_part in (error.details() or ""))
        check(name, ok, "%s %r" % (error.code(), error.details()))


class Desk:
    """Calls of one service with one token."""

    def __init__(self, protos, channel, service, token):
        self._protos, self._channel, self._service = protos, channel, service
        self._metadata = [("authorization", "Bearer " + token)]

    def __call__(self, method, timeout=30, **fields):
        request, stub = self._protos.method(self._channel, self._service, method)
        return stub(request(**fields), metadata=self._metadata, timeout=timeout)


def first_event_for(stream, ticket_id, found):
    for event in stream:
        if event.ticket.ticket_id == ticket_id:
            found.append(event)
            return


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", required=True)
    parser.add_argument("--proto-root", required=True)
    parser.add_argument("--agent-token", required=True)
    parser.add_argument("--supervisor-token", required=True)
    parser.add_argument("--department-token", required=True)
    parser.add_argument("--department-id", required=True)
    args = parser.parse_args()

    protos = ProtoSet(args.proto_root, ["hotline/v1/hotline_desk.proto", "hotline/v1/department_desk.proto", "hotline/v1/knowledge.proto",
                                        "hotline/v1/administration.proto"])
    state = lambda name: protos.enum_value("hotline.v1.TicketState", "TICKET_STATE_" + name)
    enum = lambda enum_name, value: protos.enum_value("hotline.v1." + enum_name, value)
    channel = grpc.insecure_channel(args.target)
    grpc.channel_ready_future(channel).result(timeout=30)
    agent = Desk(protos, channel, HOTLINE, args.agent_token)
    supervisor = Desk(protos, channel, HOTLINE, args.supervisor_token)
    department = Desk(protos, channel, DEPARTMENT, args.department_token)

    departments = [d.department_id for d in agent("ListDepartments").departments]
    check("list departments", args.department_id in departments, departments)

    new_ticket = dict(caller_phone="13812341234", caller_name="张三",
                      category=enum("Category", "CATEGORY_COMPLAINT"), district="河东区",
                      address="幸福路 1 号", content="小区路灯不亮", urgency=enum("Urgency", "URGENCY_NORMAL"))
    ticket = agent("CreateTicket", **new_ticket)
    ticket_id = ticket.ticket_id
    check("create", ticket.state == state("CREATED") and ticket_id, ticket)
    check("get", agent("GetTicket", ticket_id=ticket_id).ticket_id == ticket_id)

    watch_request, watch = protos.method(channel, DEPARTMENT, "WatchTickets")
    metadata = [("authorization", "Bearer " + args.department_token)]
    stream = watch(watch_request(cursor=""), metadata=metadata, timeout=60)
    found = []
    watcher = threading.Thread(target=first_event_for, args=(stream, ticket_id, found), daemon=True)
    watcher.start()

    ticket = agent("DispatchTicket", ticket_id=ticket_id, department_id=args.department_id, instructions="请尽快处理")
    check("dispatch", ticket.state == state("DISPATCHED") and ticket.department_id == args.department_id, ticket)
    watcher.join(timeout=30)
    stream.cancel()
    check("watch sees the dispatch", len(found) == 1 and found[0].cursor, found)

    seen = department("GetTicket", ticket_id=ticket_id)
    check("department sees masked phone", seen.caller_phone == "138****1234", seen.caller_phone)

    check("claim", department("ClaimTicket", ticket_id=ticket_id).state == state("CLAIMED"))
    check("progress", department("AddProgress", ticket_id=ticket_id, content="已派人查看").state == state("CLAIMED"))
    ticket = department("RequestExtension", ticket_id=ticket_id, days=2, reason="需采购灯具")
    check("request extension", ticket.pending_extension.days == 2, ticket)
    expect_error("agent cannot decide extension",
                 lambda: agent("DecideExtension", ticket_id=ticket_id, approve=True), grpc.StatusCode.PERMISSION_DENIED)
    ticket = supervisor("DecideExtension", ticket_id=ticket_id, approve=True)
    check("supervisor approves extension", not ticket.HasField("pending_extension"), ticket)
    check("resolve", department("ResolveTicket", ticket_id=ticket_id, reply="路灯已修复").state == state("REPLIED"))
    check("review approves", agent("ReviewReply", ticket_id=ticket_id, approve=True).state == state("AWAITING_CALLBACK"))
    ticket = agent("RecordCallback", ticket_id=ticket_id,
                   satisfaction=enum("Satisfaction", "SATISFACTION_SATISFIED"), reason="满意")
    check("callback closes", ticket.state == state("CLOSED"), ticket)

    entries = agent("GetTicketHistory", ticket_id=ticket_id).entries
    actions = [e.action for e in entries]
    path = [enum("HistoryAction", "HISTORY_ACTION_" + a) for a in (
        "CREATED", "DISPATCHED", "CLAIMED", "PROGRESS_ADDED", "EXTENSION_REQUESTED", "EXTENSION_APPROVED",
        "REPLIED", "REPLY_APPROVED", "CALLBACK_RECORDED")]
    check("history in order", actions == path, actions)
    check("history sequence numbers", [e.sequence for e in entries] == list(range(1, len(entries) + 1)), entries)
    check("history keeps the reply text", any(e.reason == "路灯已修复" for e in entries), entries)

    if found:
        resumed = watch(watch_request(cursor=found[0].cursor), metadata=metadata, timeout=60)
        second = agent("CreateTicket", **new_ticket)
        agent("DispatchTicket", ticket_id=second.ticket_id, department_id=args.department_id)
        later = []
        resumer = threading.Thread(target=first_event_for, args=(resumed, second.ticket_id, later), daemon=True)
        resumer.start()
        resumer.join(timeout=30)
        resumed.cancel()
        check("watch resumes from a cursor", len(later) == 1, later)
        ticket = department("ReturnTicket", ticket_id=second.ticket_id, reason="不属于本单位职责")
        check("return", ticket.state == state("RETURNED"), ticket)
        ticket = agent("DecideReturn", ticket_id=second.ticket_id, approve=False, reason="属于本单位职责")
        check("return rejected", ticket.state == state("DISPATCHED") and ticket.department_id == args.department_id, ticket)

    expect_error("claim of a closed ticket", lambda: department("ClaimTicket", ticket_id=ticket_id),
                 grpc.StatusCode.FAILED_PRECONDITION)
    missing_phone = dict(new_ticket, caller_phone="")
    expect_error("missing field", lambda: agent("CreateTicket", **missing_phone), grpc.StatusCode.INVALID_ARGUMENT, "caller_phone")
    expect_error("unknown ticket", lambda: agent("GetTicket", ticket_id="T-does-not-exist"), grpc.StatusCode.NOT_FOUND)
    hidden = agent("CreateTicket", **new_ticket)
    expect_error("department cannot see others' tickets",
                 lambda: department("GetTicket", ticket_id=hidden.ticket_id), grpc.StatusCode.NOT_FOUND)
    expect_error("no token", lambda: protos.method(channel, HOTLINE, "ListDepartments")[1](
        protos.message("hotline.v1.ListDepartmentsRequest")(), timeout=30), grpc.StatusCode.UNAUTHENTICATED)

    knowledge = Desk(protos, channel, KNOWLEDGE, args.agent_token)
    hits = knowledge("Search", query="社保卡丢了怎么补办").hits
    check("knowledge search", len(hits) > 0 and "社会保障卡" in hits[0].title, [h.title for h in hits[:3]])
    suggestions = agent("SuggestDepartments", content="社保卡丢了，想问补办社保卡要带什么材料",
                        category=enum("Category", "CATEGORY_CONSULTATION")).suggestions
    check("suggest departments", len(suggestions) > 0 and suggestions[0].department_id == "rsj" and suggestions[0].evidence,
          [(s.department_id, s.score) for s in suggestions])

    admin = Desk(protos, channel, ADMINISTRATION, args.supervisor_token)
    department_message = protos.message("hotline.v1.DirectoryDepartment")
    expect_error("agent cannot administer", lambda: Desk(protos, channel, ADMINISTRATION, args.agent_token)("ListDirectoryDepartments"),
                 grpc.StatusCode.PERMISSION_DENIED)
    page = admin("ListDirectoryDepartments", page_size=2)
    check("directory paged", len(page.departments) == 2 and page.next_page_token, page)
    added = admin("AddDirectoryDepartment", reason="interop",
                  department=department_message(id="py-lyj", name="市林业局", kind="municipal", responsibilities="古树名木保护。",
                                                 handle_working_days=5))
    check("directory add", added.active and added.kind == "municipal", added)
    expect_error("directory add twice", lambda: admin("AddDirectoryDepartment", department=department_message(
        id="py-lyj", name="市林业局", kind="municipal", handle_working_days=5)), grpc.StatusCode.ALREADY_EXISTS)
    changes = admin("ListDirectoryChanges", subject_id="py-lyj").changes
    check("directory history", [(c.action, c.reason) for c in changes] == [("add", "interop")], changes)
    districts = admin("ListDirectoryValues", list="district").values
    check("district list", len(districts) == 16 and "河东区" in districts, districts)

    channel.close()
    print("%d failed" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
