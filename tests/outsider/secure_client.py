#!/usr/bin/env python3
"""An outsider's client of a secured MuScore server: Python and Debian's python3-grpcio, nothing
generated from protos/ and nothing from .NET. It calls grpc.health.v1 and RatingService.GetRating
over TLS (trusting only the given CA) with no credential, with a bearer token, and with a client
certificate, and prints one line per call:

    LABEL status=CODE [reason=...] [region=...] [scope=...] [code=...] [class=N] [figures=yes|no]

Requests and replies are protobuf written and read by hand (a few fields of muscore/v1/*.proto
and google/rpc/status.proto), so the wire contract is checked from outside the .NET code.
The token comes from the environment (MUSCORE_TOKEN), not the command line.
"""

import argparse
import os
import sys

try:
    import grpc
except ImportError:
    sys.stderr.write("python3-grpcio is missing: apt-get install python3-grpcio\n")
    sys.exit(3)

from protowire import parse, status_details, string_field, text  # noqa: E402

GET_RATING = "/muscore.v1.RatingService/GetRating"
HEALTH_CHECK = "/grpc.health.v1.Health/Check"
SERVING = 1


def get_rating_request(region, credit_code):
    # GetRatingRequest: credit_code = 1, region = 2 (year absent: the latest published).
    return string_field(1, credit_code) + string_field(2, region)


def describe_rating(reply):
    # GetRatingResponse.rating = 1; Rating: credit_code = 1, rating_class = 19, figures = 31.
    rating = parse(parse(reply)[1][0])
    figures = "yes" if 31 in rating else "no"
    return f"code={text(rating, 1)} class={rating.get(19, [0])[0]} figures={figures}"


def describe_health(reply):
    # HealthCheckResponse.status = 1.
    status = parse(reply).get(1, [0])[0]
    return "serving=" + ("SERVING" if status == SERVING else str(status))


def describe_error(error):
    """The google.rpc.Status in the trailers: ErrorInfo's reason and metadata, as a client branches on them."""
    parts = [f"status={error.code().name}"]
    for type_url, message in status_details(error):
        if type_url.endswith("/google.rpc.ErrorInfo"):
            info = parse(message)
            parts.append(f"reason={text(info, 1)}")
            for entry in info.get(3, []):  # map<string, string> metadata
                pair = parse(entry)
                parts.append(f"{text(pair, 1)}={text(pair, 2)}")
    return " ".join(parts)


def call(label, channel, method, request, describe):
    stub = channel.unary_unary(method, request_serializer=lambda b: b, response_deserializer=lambda b: b)
    try:
        reply = stub(request, timeout=20)
        print(f"{label} status=OK {describe(reply)}", flush=True)
    except grpc.RpcError as error:
        print(f"{label} {describe_error(error)}", flush=True)


def channel(target, credentials):
    # The server certificate names localhost and 127.0.0.1; the name checked is the certificate's DNS name.
    return grpc.secure_channel(target, credentials, options=[("grpc.ssl_target_name_override", "localhost")])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--target", required=True, help="host:port of the server")
    parser.add_argument("--ca", required=True, help="PEM of the CA that issued the server certificate")
    parser.add_argument("--region", required=True, help="a region the token and certificate may read")
    parser.add_argument("--code", required=True, help="a credit code published in --region")
    parser.add_argument("--unknown-code", required=True, help="a credit code not published in --region")
    parser.add_argument("--foreign-region", required=True, help="a region the token may not read")
    parser.add_argument("--foreign-code", required=True, help="a credit code of --foreign-region")
    parser.add_argument("--cert", required=True, help="client certificate (PEM)")
    parser.add_argument("--key", required=True, help="its private key (PEM)")
    args = parser.parse_args()
    token = os.environ.get("MUSCORE_TOKEN")
    if not token:
        parser.error("MUSCORE_TOKEN must hold a bearer token")

    with open(args.ca, "rb") as f:
        ca = f.read()
    with open(args.cert, "rb") as f:
        cert = f.read()
    with open(args.key, "rb") as f:
        key = f.read()

    tls = grpc.ssl_channel_credentials(root_certificates=ca)
    bearer = grpc.composite_channel_credentials(grpc.ssl_channel_credentials(root_certificates=ca), grpc.access_token_call_credentials(token))
    mutual = grpc.ssl_channel_credentials(root_certificates=ca, private_key=key, certificate_chain=cert)

    with channel(args.target, tls) as anonymous:
        # HealthCheckRequest.service = 1: "" is the whole server.
        call("health", anonymous, HEALTH_CHECK, string_field(1, ""), describe_health)
        call("no-credential", anonymous, GET_RATING, get_rating_request(args.region, args.code), describe_rating)
    with channel(args.target, bearer) as with_token:
        call("token", with_token, GET_RATING, get_rating_request(args.region, args.code), describe_rating)
        call("token-unknown", with_token, GET_RATING, get_rating_request(args.region, args.unknown_code), describe_rating)
        call("token-foreign", with_token, GET_RATING, get_rating_request(args.foreign_region, args.foreign_code), describe_rating)
    with channel(args.target, mutual) as with_certificate:
        call("certificate", with_certificate, GET_RATING, get_rating_request(args.region, args.code), describe_rating)
    return 0


if __name__ == "__main__":
    sys.exit(main())
