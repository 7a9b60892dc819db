#!/usr/bin/python3
"""Runs one of impacket's AD enumeration examples against the test DC and prints its result table as JSON lines.

Usage: impacket_json.py TOOL DIR [--user NAME] [--password-file FILE] [--dc-ip 127.0.0.1]
  TOOL  findDelegation | GetNPUsers | GetUserSPNs   (from /usr/share/doc/python3-impacket/examples/)
  DIR   the domain directory of provision.sh (domain.env, admin.pass)

Each row of the tool's table becomes one JSON object on stdout, keyed by the table's column headers, plus
"tool"; no row prints nothing. The tool's own text output goes to stderr.

Why a wrapper: the examples log in to LDAP with NTLM (sicily), which Samba does not implement. Here
impacket.ldap.ldap.LDAPConnection is patched so that every connection uses LDAPS and logs in with a simple bind;
the rest of the example (its LDAP filter, its parsing, its table) runs unchanged. The password is read from a file
and handed to the example inside this process, never on a command line. The examples report errors only through
logging and exit 0: an error logged, or no table and no "No entries found!", makes this wrapper exit 1.
Run with Debian's /usr/bin/python3 (impacket is installed for it).
"""
import argparse
import contextlib
import io
import json
import logging
import os
import runpy
import sys

EXAMPLES = "/usr/share/doc/python3-impacket/examples"
TOOLS = ("findDelegation", "GetNPUsers", "GetUserSPNs")


def read_env(path):
    env = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                env[k] = v
    return env


def patch_ldap_login():
    from impacket.ldap import ldap

    original_init = ldap.LDAPConnection.__init__
    original_login = ldap.LDAPConnection.login

    def init(self, url, baseDN="", dstIp=None):
        if url.startswith("ldap://"):
            url = "ldaps://" + url[len("ldap://"):]
        original_init(self, url, baseDN, dstIp)

    def login(self, user="", password="", domain="", lmhash="", nthash="", authenticationChoice="sicilyNegotiate"):
        return original_login(self, user, password, domain, lmhash, nthash, authenticationChoice="simple")

    ldap.LDAPConnection.__init__ = init
    ldap.LDAPConnection.login = login


def parse_table(text):
    """Rows of impacket's printTable: a header line, a line of dash groups giving the column widths, then rows."""
    lines = text.splitlines()
    for i in range(1, len(lines)):
        dashes = lines[i]
        if dashes.startswith("-") and set(dashes) <= {"-", " "}:
            spans, col = [], 0
            for group in dashes.split("  "):
                spans.append((col, col + len(group)))
                col += len(group) + 2
            header = [lines[i - 1][a:b].strip() for a, b in spans]
            rows = []
            for line in lines[i + 1:]:
                if not line.strip():
                    break
                cells = [line[a:b].strip() for a, b in spans[:-1]] + [line[spans[-1][0]:].strip()]
                rows.append(dict(zip(header, cells)))
            return rows
    return None


class ErrorRecorder(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.errors = []

    def emit(self, record):
        self.errors.append(record.getMessage())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("tool", choices=TOOLS)
    parser.add_argument("dir")
    parser.add_argument("--user", default="Administrator")
    parser.add_argument("--password-file")
    parser.add_argument("--dc-ip", default="127.0.0.1")
    args = parser.parse_args()

    env = read_env(os.path.join(args.dir, "domain.env"))
    password_file = args.password_file or os.path.join(args.dir, "admin.pass")
    with open(password_file, encoding="utf-8") as f:
        password = f.read().split("\n", 1)[0]

    patch_ldap_login()
    recorder = ErrorRecorder()
    logging.getLogger().addHandler(recorder)
    out = io.StringIO()
    sys.argv = [args.tool + ".py", "%s/%s:%s" % (env["DNS_DOMAIN"], args.user, password), "-dc-ip", args.dc_ip]
    with contextlib.redirect_stdout(out):
        try:
            runpy.run_path(os.path.join(EXAMPLES, args.tool + ".py"), run_name="__main__")
        except SystemExit as e:
            if e.code not in (None, 0):
                recorder.errors.append("%s exited with %s" % (args.tool, e.code))
    text = out.getvalue().replace(password, "****")
    sys.stderr.write(text)

    rows = parse_table(text)
    if rows is None and "No entries found!" in text:
        rows = []
    if recorder.errors or rows is None:
        sys.stderr.write("impacket_json: %s failed: %s\n"
                         % (args.tool, "; ".join(e.replace(password, "****") for e in recorder.errors)
                            or "no result table in its output"))
        return 1
    for row in rows:
        row = dict(row)
        row["tool"] = args.tool
        print(json.dumps(row, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
