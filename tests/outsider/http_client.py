#!/usr/bin/env python3
"""An HTTP/JSON caller that shares nothing with the server: Python's standard library only
(urllib, ssl, json). It calls the web listener as a government portal would and prints one
labelled line per call, which Http/OutsiderHttpClientTests compares with what .NET sees.

Usage: http_client.py --base https://127.0.0.1:PORT --ca ca.pem --region R --code C
                      --unknown-code U --foreign-region F   (token in MUSCORE_TOKEN)
"""
import argparse
import json
import os
import ssl
import sys
import urllib.error
import urllib.request


def call(base, context, path, token=None, body=None):
    """Returns (HTTP status, headers, parsed JSON body)."""
    request = urllib.request.Request(base + path, method="POST" if body is not None else "GET")
    request.add_header("accept", "application/json")
    if token:
        request.add_header("authorization", "Bearer " + token)
    data = None
    if body is not None:
        data = json.dumps(body).encode("utf-8")
        request.add_header("content-type", "application/json")
    try:
        with urllib.request.urlopen(request, data=data, context=context, timeout=30) as response:
            return response.status, response.headers, json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        raw = error.read().decode("utf-8")
        return error.code, error.headers, json.loads(raw) if raw else {}


def reason(body):
    """The google.rpc.ErrorInfo reason of an error body, '-' when there is none."""
    for detail in body.get("details", []):
        if detail.get("@type") == "type.googleapis.com/google.rpc.ErrorInfo":
            return detail.get("reason", "-")
    return "-"


def violations(body):
    """The google.rpc.BadRequest field names of an error body, comma-separated."""
    fields = []
    for detail in body.get("details", []):
        if detail.get("@type") == "type.googleapis.com/google.rpc.BadRequest":
            fields.extend(v.get("field", "") for v in detail.get("fieldViolations", []))
    return ",".join(fields) or "-"


def main():
    parser = argparse.ArgumentParser()
    for name in ("--base", "--ca", "--region", "--code", "--unknown-code", "--foreign-region"):
        parser.add_argument(name, required=True)
    args = parser.parse_args()
    token = os.environ.get("MUSCORE_TOKEN", "")
    context = ssl.create_default_context(cafile=args.ca) if args.base.startswith("https://") else None

    status, _, body = call(args.base, context, f"/v1/regions/{args.region}/ratings/{args.code}", token)
    rating = body.get("rating", {})
    print(f"rating status={status} code={rating.get('creditCode')} class={rating.get('ratingClass')} "
          f"figures={'yes' if 'figures' in rating else 'no'} stale={str(body.get('possiblyStale')).lower()}")

    status, headers, body = call(args.base, context, f"/v1/regions/{args.region}/ratings/{args.code}")
    print(f"no-credential status={status} challenge={headers.get('www-authenticate', '-').split(' ')[0]} reason={reason(body)}")

    status, _, body = call(args.base, context, f"/v1/regions/{args.region}/ratings/{args.unknown_code}", token)
    print(f"unknown status={status} reason={reason(body)}")

    status, _, body = call(args.base, context, f"/v1/regions/{args.foreign_region}/ratings/{args.code}", token)
    print(f"foreign status={status} reason={reason(body)}")

    status, _, body = call(args.base, context, f"/v1/regions/{args.region}/ratings:batchGet", token,
                           {"creditCodes": [args.code, "not-a-code"]})
    print(f"bad-batch status={status} fields={violations(body)}")

    status, _, body = call(args.base, context, f"/v1/regions/{args.region}/ratings:batchGet", token,
                           {"creditCodes": [args.code, args.unknown_code]})
    entries = body.get("entries", [])
    print(f"batch status={status} entries={len(entries)} second={entries[1].get('error', {}).get('code') if len(entries) > 1 else '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
