#!/usr/bin/python3
"""Interop check of Hotline's gRPC layer from Debian's python3-grpcio, an independent implementation.

Drives the test service hotline.test.v1.Echo (tests/Hotline.Api.Tests/Protos) of a running server:
unary, server/client/bidirectional streaming, gzip, status codes and messages, authentication,
unknown methods, deadlines and server reflection. Prints PASS/FAIL per check; exits 1 on any FAIL.

  /usr/bin/python3 echo_interop.py --target 127.0.0.1:50051 --token <token> \
      --proto-root tests/Hotline.Api.Tests/Protos --reflection-root src/Hotline.Api/Protos
"""

import argparse
import sys

import grpc

from protoset import ProtoSet

ECHO = "hotline.test.v1.Echo"
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--proto-root", required=True)
    parser.add_argument("--reflection-root", required=True)
    args = parser.parse_args()

    protos = ProtoSet(args.proto_root, ["hotline/test/v1/echo.proto"])
    reflection = ProtoSet(args.reflection_root, ["grpc/reflection/v1alpha/reflection.proto"])
    auth = [("authorization", "Bearer " + args.token)]
    channel = grpc.insecure_channel(args.target)
    grpc.channel_ready_future(channel).result(timeout=30)

    EchoRequest, say = protos.method(channel, ECHO, "Say")
    reply = say(EchoRequest(text="你好, hotline"), metadata=auth, timeout=30)
    check("unary", reply.text == "你好, hotline", reply)

    reply = say(EchoRequest(text="z" * 10000), metadata=auth, timeout=30, compression=grpc.Compression.Gzip)
    check("unary gzip", reply.text == "z" * 10000)

    _, who = protos.method(channel, ECHO, "WhoAmI")
    check("caller on context", who(EchoRequest(), metadata=auth, timeout=30).text.startswith("Staff:"))

    CountRequest, count = protos.method(channel, ECHO, "Count")
    replies = [r.index for r in count(CountRequest(count=5), metadata=auth, timeout=30)]
    check("server streaming", replies == [0, 1, 2, 3, 4], replies)

    received = []
    try:
        for r in count(CountRequest(count=2, fail_code=10), metadata=auth, timeout=30):
            received.append(r.index)
        check("server streaming error after messages", False, "no error")
    except grpc.RpcError as error:
        check("server streaming error after messages",
              received == [0, 1] and error.code() == grpc.StatusCode.ABORTED, (received, error.code()))

    _, collect = protos.method(channel, ECHO, "Collect")
    reply = collect(iter([EchoRequest(text=t) for t in "abc"]), metadata=auth, timeout=30)
    check("client streaming", reply.text == "a,b,c", reply)

    _, chat = protos.method(channel, ECHO, "Chat")
    texts = [r.text for r in chat(iter([EchoRequest(text="one"), EchoRequest(text="two")]), metadata=auth, timeout=30)]
    check("bidirectional streaming", texts == ["ONE", "TWO"], texts)

    FailRequest, fail = protos.method(channel, ECHO, "Fail")
    for code in (grpc.StatusCode.INVALID_ARGUMENT, grpc.StatusCode.NOT_FOUND, grpc.StatusCode.FAILED_PRECONDITION,
                 grpc.StatusCode.PERMISSION_DENIED, grpc.StatusCode.ABORTED):
        expect_error("status " + code.name,
                     lambda: fail(FailRequest(code=code.value[0], message="工单 state CLOSED: 100%"), metadata=auth, timeout=30),
                     code, "工单 state CLOSED: 100%")
    expect_error("handler crash is INTERNAL", lambda: fail(FailRequest(crash=True), metadata=auth, timeout=30),
                 grpc.StatusCode.INTERNAL)
    expect_error("missing token", lambda: say(EchoRequest(), timeout=30), grpc.StatusCode.UNAUTHENTICATED)
    expect_error("unknown token", lambda: say(EchoRequest(), metadata=[("authorization", "Bearer nope")], timeout=30),
                 grpc.StatusCode.UNAUTHENTICATED)

    unknown = channel.unary_unary("/" + ECHO + "/Shout", request_serializer=lambda m: m.SerializeToString(),
                                  response_deserializer=protos.message("hotline.test.v1.EchoReply").FromString)
    expect_error("unknown method", lambda: unknown(EchoRequest(), metadata=auth, timeout=30), grpc.StatusCode.UNIMPLEMENTED)

    _, wait = protos.method(channel, ECHO, "Wait")
    expect_error("deadline", lambda: wait(EchoRequest(), metadata=auth, timeout=0.5), grpc.StatusCode.DEADLINE_EXCEEDED)
    check("serving after deadline", say(EchoRequest(text="after"), metadata=auth, timeout=30).text == "after")

    Request, info = reflection.method(channel, "grpc.reflection.v1alpha.ServerReflection", "ServerReflectionInfo")
    answers = list(info(iter([Request(list_services="")]), timeout=30))
    names = [s.name for s in answers[0].list_services_response.service]
    check("reflection lists services", ECHO in names and "grpc.reflection.v1.ServerReflection" in names, names)

    channel.close()
    print("%d failed" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
