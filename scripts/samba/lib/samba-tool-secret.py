#!/usr/bin/python3
"""Runs samba-tool in this process with a password read from a file, so that it never appears on a command line.

Usage: samba-tool-secret.py PASSWORD_FILE SUBCOMMAND [ARGS...]
Every occurrence of @PASSWORD@ in ARGS is replaced by the first line of PASSWORD_FILE, e.g.
    samba-tool-secret.py DIR/admin.pass dns add 127.0.0.1 ch-test.local dc1 A 127.0.0.1 -U 'Administrator%@PASSWORD@'
Must run with Debian's /usr/bin/python3 (Samba's Python modules are installed only for it).
"""
import signal
import sys

signal.signal(signal.SIGINT, signal.SIG_DFL)


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        password = f.read().split("\n", 1)[0].rstrip("\r")
    if not password:
        sys.stderr.write("samba-tool-secret: %s is empty\n" % argv[1])
        return 2
    args = [a.replace("@PASSWORD@", password) for a in argv[3:]]
    from samba.netcmd.main import cmd_sambatool
    cmd = cmd_sambatool()
    try:
        return cmd._run("samba-tool", argv[2], *args)
    except SystemExit as e:
        return e.code
    except Exception as e:  # same handling as /usr/bin/samba-tool
        cmd.show_command_error(e)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv) or 0)
