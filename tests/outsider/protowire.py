"""Protobuf on the wire, by hand, for the outsider clients: varints, length-delimited fields and a
reader of one message's fields. Shared by secure_client.py and table_client.py so that neither
needs code generated from protos/."""


def varint(value):
    out = bytearray()
    while True:
        bits = value & 0x7F
        value >>= 7
        if value:
            out.append(bits | 0x80)
        else:
            out.append(bits)
            return bytes(out)


def length_delimited(number, data):
    return varint(number << 3 | 2) + varint(len(data)) + data


def string_field(number, text):
    return length_delimited(number, text.encode("utf-8"))


def parse(data):
    """Every field of one message: {number: [value, ...]}, bytes for length-delimited fields."""
    fields = {}
    i = 0
    while i < len(data):
        key, i = read_varint(data, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = read_varint(data, i)
        elif wire == 1:
            value, i = data[i:i + 8], i + 8
        elif wire == 2:
            length, i = read_varint(data, i)
            value, i = data[i:i + length], i + length
        elif wire == 5:
            value, i = data[i:i + 4], i + 4
        else:
            raise ValueError(f"wire type {wire} in field {number}")
        fields.setdefault(number, []).append(value)
    return fields


def read_varint(data, i):
    value, shift = 0, 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, i


def text(fields, number):
    return fields.get(number, [b""])[0].decode("utf-8")


def status_details(error):
    """The google.rpc.Status details a failed call carries in its trailers, as (type URL, message bytes) pairs."""
    for key, value in error.trailing_metadata() or ():
        if key != "grpc-status-details-bin":
            continue
        for detail in parse(value).get(3, []):  # Status.details: repeated Any
            any_message = parse(detail)
            yield text(any_message, 1), any_message[2][0]
