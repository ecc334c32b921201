#!/usr/bin/python3
"""Drives the HTTP/JSON bindings (JSON transcoding) of a running Hotline host with Python's standard
http.client only, as a department's system that cannot speak gRPC would.

DepartmentDesk (a department token): list, read, claim, progress, extension, return, reply; another
department's ticket is 404, no token 401, bad JSON 400, staff 403. Knowledge (a staff token): search and
read an article. The OpenAPI document. Prints PASS/FAIL per check; exits 1 on any FAIL.

  /usr/bin/python3 http_json_interop.py --base http://127.0.0.1:8080 --department-token T1 \
      --other-department-token T2 --agent-token T3 --ticket-id ID1 --return-ticket-id ID2
"""

import argparse
import http.client
import json
import sys
import urllib.parse

failures = []


def check(name, condition, detail=""):
    print(("PASS " if condition else "FAIL ") + name + ("" if condition else ": " + str(detail)), flush=True)
    if not condition:
        failures.append(name)


class Api:
    def __init__(self, base):
        url = urllib.parse.urlsplit(base)
        self._host, self._port = url.hostname, url.port

    def call(self, method, path, token=None, body=None, raw_body=None):
        """Returns (HTTP status, parsed JSON or None)."""
        connection = http.client.HTTPConnection(self._host, self._port, timeout=30)
        headers = {"Accept": "application/json"}
        if token is not None:
            headers["Authorization"] = "Bearer " + token
        payload = raw_body if raw_body is not None else (None if body is None else json.dumps(body).encode("utf-8"))
        if payload is not None:
            headers["Content-Type"] = "application/json"
        try:
            connection.request(method, path, body=payload, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8")
            try:
                return response.status, json.loads(text) if text else None
            except ValueError:
                return response.status, text
        finally:
            connection.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--department-token", required=True)
    parser.add_argument("--other-department-token", required=True)
    parser.add_argument("--agent-token", required=True)
    parser.add_argument("--ticket-id", required=True)
    parser.add_argument("--return-ticket-id", required=True)
    args = parser.parse_args()

    api = Api(args.base)
    dept, other, agent = args.department_token, args.other_department_token, args.agent_token
    ticket = "/v1/department/tickets/" + urllib.parse.quote(args.ticket_id)

    status, body = api.call("GET", "/v1/department/tickets")
    check("no token is 401", status == 401 and body.get("code") == 16, (status, body))

    status, body = api.call("GET", "/v1/department/tickets", token="not-a-token")
    check("unknown token is 401", status == 401, (status, body))

    status, body = api.call("GET", "/v1/department/tickets?page_size=100", token=dept)
    ids = [t["ticketId"] for t in (body or {}).get("tickets", [])] if status == 200 else []
    check("list own tickets", status == 200 and args.ticket_id in ids, (status, body))

    status, body = api.call("GET", ticket, token=dept)
    check("read own ticket, phone masked",
          status == 200 and body["state"] == "TICKET_STATE_DISPATCHED" and "****" in body["callerPhone"], (status, body))

    status, body = api.call("GET", ticket, token=other)
    check("another department's ticket is 404", status == 404 and body.get("code") == 5, (status, body))

    status, body = api.call("GET", ticket, token=agent)
    check("staff on the department desk is 403", status == 403 and body.get("code") == 7, (status, body))

    status, body = api.call("POST", ticket + ":claim", token=dept, raw_body=b'{"ticketId": ')
    check("bad JSON is 400", status == 400 and body.get("code") == 3, (status, body))

    status, body = api.call("POST", ticket + ":claim", token=dept, body={})
    check("claim", status == 200 and body["state"] == "TICKET_STATE_CLAIMED", (status, body))

    status, body = api.call("POST", ticket + ":claim", token=dept, body={})
    check("claim again is 400 naming the state",
          status == 400 and body.get("code") == 9 and "CLAIMED" in body.get("message", ""), (status, body))

    status, body = api.call("POST", ticket + ":progress", token=dept, body={"content": "已派人到现场核查"})
    check("progress", status == 200 and any(p["content"] == "已派人到现场核查" for p in body.get("progress", [])), (status, body))

    status, body = api.call("POST", ticket + ":extend", token=dept, body={"days": 2, "reason": "需协调施工方"})
    check("extension requested", status == 200 and body.get("pendingExtension", {}).get("days") == 2, (status, body))

    status, body = api.call("POST", ticket + ":resolve", token=dept, body={"reply": ""})
    check("empty reply is 400 naming the field", status == 400 and body.get("message", "").startswith("reply:"), (status, body))

    status, body = api.call("POST", ticket + ":resolve", token=dept, body={"reply": "已责令施工方夜间停工"})
    check("reply", status == 200 and body["state"] == "TICKET_STATE_REPLIED", (status, body))

    status, body = api.call("GET", "/v1/department/tickets?state=TICKET_STATE_REPLIED", token=dept)
    check("list by state", status == 200 and [t["ticketId"] for t in body.get("tickets", [])] == [args.ticket_id], (status, body))

    returned = "/v1/department/tickets/" + urllib.parse.quote(args.return_ticket_id) + ":return"
    status, body = api.call("POST", returned, token=dept, body={"reason": "不属于本单位职责"})
    check("return", status == 200 and body["state"] == "TICKET_STATE_RETURNED", (status, body))

    status, body = api.call("GET", "/v1/knowledge/search?query=" + urllib.parse.quote("社保卡丢了怎么补办"), token=agent)
    check("knowledge search", status == 200 and body.get("total", 0) > 0 and body["hits"][0]["articleId"], (status, body))

    status, body = api.call("GET", "/v1/knowledge/search?query=" + urllib.parse.quote("社保卡"), token=dept)
    check("knowledge is for staff: 403", status == 403, (status, body))

    status, body = api.call("GET", "/v1/knowledge/articles/KB-0003", token=agent)
    check("knowledge article", status == 200 and body.get("articleId") == "KB-0003" and body.get("sections"), (status, body))

    status, body = api.call("GET", "/v1/knowledge/articles/KB-NOPE-404", token=agent)
    check("unknown article is 404", status == 404, (status, body))

    status, body = api.call("GET", "/openapi/v1.json")
    paths = (body or {}).get("paths", {}) if status == 200 and isinstance(body, dict) else {}
    check("OpenAPI document lists the bindings",
          "/v1/department/tickets" in paths and "/v1/knowledge/search" in paths and len(paths) == 9, (status, sorted(paths)))

    print("%d failed" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
