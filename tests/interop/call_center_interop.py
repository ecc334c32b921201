#!/usr/bin/python3
"""Calls AgentDesk and Supervision on a running Hotline host from python3-grpcio.

Reflection lists both services; who may call what (agent, supervisor, department, no token); field
checks; and the live calls Supervision.ListAgents / ListQueues / ListCalls / MonitorCall (and its mode and
stop on an unknown call: NOT_FOUND) and AgentDesk.SetState.
With --telephony the host composes the call center and the live calls must succeed (SetState READY may
be refused NOT_FOUND or FAILED_PRECONDITION for an agent the call center does not know or who has no
registered phone); without it they must answer UNAVAILABLE. Prints PASS/FAIL per check; exits 1 on any FAIL.

  /usr/bin/python3 call_center_interop.py --target 127.0.0.1:50051 --proto-root src/Hotline.Api/Protos \\
      --agent-token T1 --supervisor-token T2 --department-token T3 [--telephony]
"""

import argparse
import sys
import time

import grpc

from protoset import ProtoSet

AGENT_DESK = "hotline.v1.AgentDesk"
SUPERVISION = "hotline.v1.Supervision"
REFLECTION = "grpc.reflection.v1.ServerReflection"
failures = []


def check(name, condition, detail=""):
    print(("PASS " if condition else "FAIL ") + name + ("" if condition else ": " + str(detail)), flush=True)
    if not condition:
        failures.append(name)


def outcome(call):
    """(status code, details, response) of a unary call."""
    try:
        return grpc.StatusCode.OK, "", call()
    except grpc.RpcError as error:
        return error.code(), error.details() or "", None


def expect(name, call, codes, message_part=None):
    code, details, response = outcome(call)
    ok = code in codes and (message_part is None or message_part in details)
    check(name, ok, "%s %r" % (code, details))
    return response


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", required=True)
    parser.add_argument("--proto-root", required=True)
    parser.add_argument("--agent-token", required=True)
    parser.add_argument("--supervisor-token", required=True)
    parser.add_argument("--department-token", required=True)
    parser.add_argument("--telephony", action="store_true", help="the host composes the call center")
    args = parser.parse_args()

    protos = ProtoSet(args.proto_root, ["hotline/v1/agent_desk.proto", "hotline/v1/supervision.proto",
                                        "grpc/reflection/v1/reflection.proto"])
    agent_state = lambda name: protos.enum_value("hotline.v1.AgentState", "AGENT_STATE_" + name)
    channel = grpc.insecure_channel(args.target)
    grpc.channel_ready_future(channel).result(timeout=30)

    def caller(service, method, token, **fields):
        request, stub = protos.method(channel, service, method)
        metadata = [("authorization", "Bearer " + token)] if token else []
        return lambda: stub(request(**fields), metadata=metadata, timeout=30)

    Request, info = protos.method(channel, REFLECTION, "ServerReflectionInfo")
    answers = list(info(iter([Request(list_services="")]), timeout=30))
    names = [s.name for s in answers[0].list_services_response.service]
    check("reflection lists AgentDesk and Supervision", AGENT_DESK in names and SUPERVISION in names, names)

    expect("no token", caller(SUPERVISION, "ListAgents", None), [grpc.StatusCode.UNAUTHENTICATED])
    expect("agent may not supervise", caller(SUPERVISION, "ListAgents", args.agent_token),
           [grpc.StatusCode.PERMISSION_DENIED])
    expect("department has no agent desk", caller(AGENT_DESK, "SetState", args.department_token, state=agent_state("READY")),
           [grpc.StatusCode.PERMISSION_DENIED])
    expect("not ready needs a reason", caller(AGENT_DESK, "SetState", args.agent_token, state=agent_state("NOT_READY")),
           [grpc.StatusCode.INVALID_ARGUMENT], "reason")
    expect("state must be ready or not ready", caller(AGENT_DESK, "SetState", args.agent_token, state=agent_state("ON_CALL")),
           [grpc.StatusCode.INVALID_ARGUMENT], "state")
    expect("list calls needs a window", caller(SUPERVISION, "ListCalls", args.supervisor_token),
           [grpc.StatusCode.INVALID_ARGUMENT], "from")
    expect("agent may not monitor", caller(SUPERVISION, "MonitorCall", args.agent_token, call_id="c1"),
           [grpc.StatusCode.PERMISSION_DENIED])
    expect("monitor needs a call id", caller(SUPERVISION, "MonitorCall", args.supervisor_token),
           [grpc.StatusCode.INVALID_ARGUMENT], "call_id")
    expect("monitor mode must be chosen", caller(SUPERVISION, "SetMonitorMode", args.supervisor_token, call_id="c1"),
           [grpc.StatusCode.INVALID_ARGUMENT], "mode")
    barge = protos.enum_value("hotline.v1.MonitorMode", "MONITOR_MODE_BARGE")

    Timestamp = protos.message("google.protobuf.Timestamp")
    now = int(time.time())
    window = dict(**{"from": Timestamp(seconds=now - 86400)}, to=Timestamp(seconds=now + 60))

    # The scheduler's jobs (ListScheduledJobs / RescheduleJob / CancelJob): supervisors only, precise refusals.
    job_kind = lambda name: protos.enum_value("hotline.v1.ScheduledJobKind", "SCHEDULED_JOB_KIND_" + name)
    no_job = "ticket/interop-no-such-ticket/sign-warning"
    expect("agent may not list scheduled jobs", caller(SUPERVISION, "ListScheduledJobs", args.agent_token),
           [grpc.StatusCode.PERMISSION_DENIED])
    expect("department may not cancel a job", caller(SUPERVISION, "CancelJob", args.department_token, job_id=no_job, reason="x"),
           [grpc.StatusCode.PERMISSION_DENIED])
    jobs = expect("list overdue jobs", caller(SUPERVISION, "ListScheduledJobs", args.supervisor_token,
                                              kind=job_kind("DEADLINE_OVERDUE"), page_size=5), [grpc.StatusCode.OK])
    check("listed jobs are of the kind asked", jobs is not None and len(jobs.jobs) <= 5
          and all(j.kind == job_kind("DEADLINE_OVERDUE") and j.job_id.startswith("ticket/") for j in jobs.jobs), jobs)
    expect("page size over 100", caller(SUPERVISION, "ListScheduledJobs", args.supervisor_token, page_size=101),
           [grpc.StatusCode.INVALID_ARGUMENT], "page_size")
    expect("window backwards", caller(SUPERVISION, "ListScheduledJobs", args.supervisor_token,
                                      due_from=Timestamp(seconds=now + 60), due_to=Timestamp(seconds=now)),
           [grpc.StatusCode.INVALID_ARGUMENT], "due_to")
    expect("jobs of no ticket", caller(SUPERVISION, "ListScheduledJobs", args.supervisor_token, ticket_id="interop-no-such-ticket"),
           [grpc.StatusCode.NOT_FOUND])
    expect("reschedule needs a due time", caller(SUPERVISION, "RescheduleJob", args.supervisor_token, job_id=no_job, reason="x"),
           [grpc.StatusCode.INVALID_ARGUMENT], "due_at")
    expect("reschedule needs a reason", caller(SUPERVISION, "RescheduleJob", args.supervisor_token, job_id=no_job,
                                               due_at=Timestamp(seconds=now + 3600)),
           [grpc.StatusCode.INVALID_ARGUMENT], "reason")
    expect("cancel a malformed job id", caller(SUPERVISION, "CancelJob", args.supervisor_token, job_id="nonsense", reason="x"),
           [grpc.StatusCode.INVALID_ARGUMENT], "job_id")
    expect("cancel a job of no ticket", caller(SUPERVISION, "CancelJob", args.supervisor_token, job_id=no_job, reason="x"),
           [grpc.StatusCode.NOT_FOUND])
    if args.telephony:
        agents = expect("list agents", caller(SUPERVISION, "ListAgents", args.supervisor_token), [grpc.StatusCode.OK])
        check("agents have ids and states", agents is not None and all(a.agent_id and a.state != 0 for a in agents.agents),
              agents)
        queues = expect("list queues", caller(SUPERVISION, "ListQueues", args.supervisor_token), [grpc.StatusCode.OK])
        check("queues have ids and skills", queues is not None and all(q.queue_id and q.skill for q in queues.queues), queues)
        expect("list calls", caller(SUPERVISION, "ListCalls", args.supervisor_token, **window), [grpc.StatusCode.OK])
        expect("set state ready", caller(AGENT_DESK, "SetState", args.agent_token, state=agent_state("READY")),
               [grpc.StatusCode.OK, grpc.StatusCode.NOT_FOUND, grpc.StatusCode.FAILED_PRECONDITION])
        no_call = "20261207000000-000000000000"
        expect("monitor an unknown call", caller(SUPERVISION, "MonitorCall", args.supervisor_token, call_id=no_call),
               [grpc.StatusCode.NOT_FOUND], no_call)
        expect("barge into an unknown call", caller(SUPERVISION, "SetMonitorMode", args.supervisor_token, call_id=no_call,
                                                    mode=barge), [grpc.StatusCode.NOT_FOUND])
        expect("stop monitoring an unknown call", caller(SUPERVISION, "StopMonitor", args.supervisor_token, call_id=no_call),
               [grpc.StatusCode.NOT_FOUND])
    else:
        for name, call in [
            ("list agents", caller(SUPERVISION, "ListAgents", args.supervisor_token)),
            ("list queues", caller(SUPERVISION, "ListQueues", args.supervisor_token)),
            ("list calls", caller(SUPERVISION, "ListCalls", args.supervisor_token, **window)),
            ("set state ready", caller(AGENT_DESK, "SetState", args.agent_token, state=agent_state("READY"))),
            ("monitor", caller(SUPERVISION, "MonitorCall", args.supervisor_token, call_id="c1")),
        ]:
            expect(name + " without telephony", call, [grpc.StatusCode.UNAVAILABLE])

    channel.close()
    print("%d failed" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
