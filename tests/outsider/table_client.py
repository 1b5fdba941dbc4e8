#!/usr/bin/env python3
"""An outsider's table upload: Python and Debian's python3-grpcio, nothing generated from protos/
and nothing from .NET. It sends EvaluationService.SubmitRun a header and then one CSV file's bytes
as table parts of a given size, over plain HTTP/2 to a loopback server, and prints

    run RUN_ID
    records N
    rejected RECORD:ROW RECORD:ROW ...     (or: rejected none)

or, when the call fails, "error status=CODE field=... reason=...". Requests and replies are
protobuf written and read by hand (a few fields of muscore/v1/evaluation_service.proto), so the
wire contract of table uploads is checked from outside the .NET code.
"""

import argparse
import sys

try:
    import grpc
except ImportError:
    sys.stderr.write("python3-grpcio is missing: apt-get install python3-grpcio\n")
    sys.exit(3)

from protowire import length_delimited, parse, status_details, text, varint  # noqa: E402

SUBMIT_RUN = "/muscore.v1.EvaluationService/SubmitRun"


def messages(region, year, scheme, table, part_bytes):
    # SubmitRunRequest.header = 1: RunHeader region = 1, year = 2, scheme_name = 3.
    header = length_delimited(1, region.encode()) + varint(2 << 3) + varint(year) + length_delimited(3, scheme.encode())
    yield length_delimited(1, header)
    # SubmitRunRequest.table_part = 4: the file's bytes, in order.
    for start in range(0, len(table), part_bytes):
        yield length_delimited(4, table[start:start + part_bytes])


def describe_error(error):
    """The google.rpc.Status in the trailers: the first BadRequest violation, as a client reads it."""
    parts = [f"status={error.code().name}"]
    for type_url, message in status_details(error):
        if type_url.endswith("/google.rpc.BadRequest"):
            violation = parse(parse(message)[1][0])
            parts.append(f"field={text(violation, 1)} reason={text(violation, 3)}")
    return " ".join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--target", required=True, help="host:port of a loopback server (plain HTTP/2)")
    parser.add_argument("--csv", required=True, help="the table file to send")
    parser.add_argument("--region", required=True)
    parser.add_argument("--year", required=True, type=int)
    parser.add_argument("--scheme", default="zj-standard")
    parser.add_argument("--part-bytes", type=int, default=1 << 20)
    args = parser.parse_args()
    with open(args.csv, "rb") as f:
        table = f.read()

    with grpc.insecure_channel(args.target) as channel:
        submit = channel.stream_unary(SUBMIT_RUN, request_serializer=lambda b: b, response_deserializer=lambda b: b)
        try:
            reply = submit(messages(args.region, args.year, args.scheme, table, args.part_bytes), timeout=60)
        except grpc.RpcError as error:
            print(f"error {describe_error(error)}", flush=True)
            return 0

    # SubmitRunResponse.run = 1; Run: run_id = 1, record_count = 10, rejected = 15 (record_number = 1, row = 4).
    run = parse(parse(reply)[1][0])
    rejected = [parse(r) for r in run.get(15, [])]
    print(f"run {text(run, 1)}")
    print(f"records {run.get(10, [0])[0]}")
    pairs = " ".join(f"{r.get(1, [0])[0]}:{r.get(4, [0])[0]}" for r in rejected)
    print(f"rejected {pairs or 'none'}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
