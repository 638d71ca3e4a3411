#!/usr/bin/env python3
"""Protocol probes for lab.sh status (Python standard library only).

Each probe prints what it saw, one fact per line, and exits 0 when the
expectation holds, 1 when it does not, 2 on a connection or protocol error.

  probe.py imap-caps HOST PORT [--starttls] --expect CAP... --reject CAP...
  probe.py pop3-capa HOST PORT [--starttls] --expect CAP... --reject CAP...
  probe.py smtp-ehlo HOST PORT [--starttls] --expect EXT... --reject EXT...
  probe.py smtp-plain-mail HOST PORT    (MAIL before STARTTLS must get 530)
  probe.py imap-login HOST PORT USER PASSWORD [--tls|--starttls|--clear]
           [--min-messages N] [--search CRITERIA --expect-hits N]
           [--body-contains TEXT]
  probe.py pop3-login HOST PORT USER PASSWORD [--tls|--starttls|--clear] [--min-messages N]

--cafile and --name (the name the certificate must carry) apply to every TLS
connection.
"""
import argparse
import imaplib
import poplib
import smtplib
import ssl
import sys

TIMEOUT = 10


def judge(seen, expect, reject):
    """Print the seen capabilities; return 0 if every expected one is there
    and no rejected one is."""
    upper = {s.upper() for s in seen}
    print("seen: " + " ".join(sorted(upper)))
    ok = True
    for cap in expect or []:
        if cap.upper() not in upper:
            print("missing: " + cap)
            ok = False
    for cap in reject or []:
        if cap.upper() in upper:
            print("unexpected: " + cap)
            ok = False
    return 0 if ok else 1


def named_context(args):
    """A TLS context that checks the certificate against --name, whatever
    address was dialled (the lab's names are not in /etc/hosts)."""
    ctx = ssl.create_default_context(cafile=args.cafile)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    wrap = ctx.wrap_socket

    def wrap_named(sock, server_hostname=None, **kw):
        return wrap(sock, server_hostname=args.name, **kw)

    ctx.wrap_socket = wrap_named
    return ctx


def imap_connect(args, mode):
    if mode == "tls":
        return imaplib.IMAP4_SSL(args.host, args.port, ssl_context=named_context(args), timeout=TIMEOUT)
    conn = imaplib.IMAP4(args.host, args.port, timeout=TIMEOUT)
    if mode == "starttls":
        conn.starttls(ssl_context=named_context(args))
    return conn


def imap_caps(args):
    conn = imap_connect(args, "starttls" if args.starttls else "clear")
    caps = list(conn.capabilities)
    conn.logout()
    return judge(caps, args.expect, args.reject)


def pop3_connect(args, mode):
    if mode == "tls":
        return poplib.POP3_SSL(args.host, args.port, context=named_context(args), timeout=TIMEOUT)
    conn = poplib.POP3(args.host, args.port, timeout=TIMEOUT)
    if mode == "starttls":
        conn.stls(context=named_context(args))
    return conn


def pop3_capa(args):
    conn = pop3_connect(args, "starttls" if args.starttls else "clear")
    capa = conn.capa()
    conn.quit()
    seen = []
    for name, params in capa.items():
        seen.append(name)
        seen.extend("%s=%s" % (name, p) for p in params)
    return judge(seen, args.expect, args.reject)


def smtp_ehlo(args):
    conn = smtplib.SMTP(args.host, args.port, local_hostname="probe.example.test", timeout=TIMEOUT)
    conn.ehlo()
    if args.starttls:
        conn.starttls(context=named_context(args))
        conn.ehlo()
    seen = []
    for ext, params in conn.esmtp_features.items():
        seen.append(ext)
        seen.extend("%s=%s" % (ext, p) for p in params.split())
    conn.quit()
    return judge(seen, args.expect, args.reject)


def smtp_plain_mail(args):
    conn = smtplib.SMTP(args.host, args.port, local_hostname="probe.example.test", timeout=TIMEOUT)
    conn.ehlo()
    code, msg = conn.mail("probe@example.test")
    print("MAIL before STARTTLS: %d %s" % (code, msg.decode(errors="replace")))
    conn.quit()
    return 0 if code == 530 else 1


def login_mode(args):
    return "tls" if args.tls else "starttls" if args.starttls else "clear"


def imap_login(args):
    conn = imap_connect(args, login_mode(args))
    conn.login(args.user, args.password)
    typ, data = conn.select("INBOX", readonly=True)
    count = int(data[0])
    print("INBOX messages: %d" % count)
    ok = count >= args.min_messages
    if args.search:
        typ, data = conn.search(None, args.search)
        hits = data[0].split()
        print("SEARCH %s: %d hit(s)" % (args.search, len(hits)))
        ok = ok and len(hits) == args.expect_hits
        if args.body_contains and hits:
            typ, data = conn.fetch(hits[-1], "(BODYSTRUCTURE BODY.PEEK[])")
            raw = b"".join(part[1] if isinstance(part, tuple) else part for part in data)
            found = args.body_contains.encode() in raw
            print("message %s contains %r: %s" % (hits[-1].decode(), args.body_contains, found))
            ok = ok and found
    conn.logout()
    return 0 if ok else 1


def pop3_login(args):
    conn = pop3_connect(args, login_mode(args))
    conn.user(args.user)
    conn.pass_(args.password)
    count, size = conn.stat()
    print("maildrop: %d messages, %d octets" % (count, size))
    conn.quit()
    return 0 if count >= args.min_messages else 1


def main():
    p = argparse.ArgumentParser()
    p.add_argument("probe")
    p.add_argument("host")
    p.add_argument("port", type=int)
    p.add_argument("user", nargs="?")
    p.add_argument("password", nargs="?")
    p.add_argument("--cafile")
    p.add_argument("--name", default="mail.example.test")
    p.add_argument("--starttls", action="store_true")
    p.add_argument("--tls", action="store_true")
    p.add_argument("--clear", action="store_true")
    p.add_argument("--expect", nargs="*")
    p.add_argument("--reject", nargs="*")
    p.add_argument("--min-messages", type=int, default=0)
    p.add_argument("--search")
    p.add_argument("--expect-hits", type=int, default=1)
    p.add_argument("--body-contains")
    args = p.parse_args()
    probes = {
        "imap-caps": imap_caps, "pop3-capa": pop3_capa, "smtp-ehlo": smtp_ehlo,
        "smtp-plain-mail": smtp_plain_mail, "imap-login": imap_login, "pop3-login": pop3_login,
    }
    try:
        return probes[args.probe](args)
    except (OSError, imaplib.IMAP4.error, poplib.error_proto, smtplib.SMTPException) as e:
        print("error: %s: %s" % (type(e).__name__, e))
        return 2


if __name__ == "__main__":
    sys.exit(main())
