"""A test SMTP server on loopback (aiosmtpd): keeps every message it accepts as a file.

    /usr/bin/python3 scripts/smtp-sink.py PORT DIR

Each message's raw bytes, after an X-Envelope-From and an X-Envelope-To header per recipient,
are written to DIR/tmp and then renamed into DIR/new (a reader never sees half a message).
A recipient whose local part starts with "reject-" is refused with 550 5.1.1, one starting
"tempfail-" with 451 4.3.0: the tests' permanent and temporary failures.
"""
import asyncio
import os
import signal
import sys
import uuid

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        if local.startswith("reject-"):
            return "550 5.1.1 Mailbox unavailable"
        if local.startswith("tempfail-"):
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        head = "X-Envelope-From: %s\r\n" % envelope.mail_from
        head += "".join("X-Envelope-To: %s\r\n" % to for to in envelope.rcpt_tos)
        name = uuid.uuid4().hex + ".eml"
        partial = os.path.join(self.folder, "tmp", name)
        with open(partial, "wb") as f:
            f.write(head.encode("ascii", "replace"))
            f.write(envelope.original_content)
        os.rename(partial, os.path.join(self.folder, "new", name))
        return "250 Message accepted"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    for sub in ("tmp", "new"):
        os.makedirs(os.path.join(folder, sub), exist_ok=True)
    # decode_data=False keeps the bytes as sent; SMTPUTF8 for non-ASCII addresses.
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port, enable_SMTPUTF8=True)
    controller.start()
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    loop.run_until_complete(stop.wait())
    controller.stop()


if __name__ == "__main__":
    main()
