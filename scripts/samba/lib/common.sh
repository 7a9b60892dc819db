# Shared settings and helpers of the scripts in scripts/samba/ (sourced, not executed).
# The test domain: one DC "dc1" of the domain ch-test.local (NetBIOS CHTEST), listening on loopback only.

REALM=CH-TEST.LOCAL
DNS_DOMAIN=ch-test.local
NETBIOS_DOMAIN=CHTEST
DC_HOST=dc1
DC_FQDN=dc1.ch-test.local
BASE_DN=DC=ch-test,DC=local
# Samba's and impacket's Python modules are installed for Debian's interpreter only (a pyenv python3 lacks them).
PYTHON=/usr/bin/python3
SAMBA_SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { echo "[samba $(date +%H:%M:%S)] $*" >&2; }
die() { echo "[samba] ERROR: $*" >&2; exit 1; }

# Resolves the domain directory given as first argument to an absolute path; dies when it is missing.
domain_dir() {
  [ $# -ge 1 ] && [ -n "$1" ] || die "usage: $(basename "$0") DIR"
  [ -d "$1" ] || die "$1 is not a directory"
  (cd "$1" && pwd)
}

# samba-tool with the Administrator password from DIR/admin.pass (never on a command line): "@PASSWORD@" in the
# arguments is replaced by the password inside the Python process.
samba_tool_admin() {
  local dir=$1; shift
  "$PYTHON" "$SAMBA_SCRIPTS/lib/samba-tool-secret.py" "$dir/admin.pass" "$@"
}

# The pid written by samba -D, or nothing.
samba_pid() {
  local f="$1/run/samba.pid"
  [ -s "$f" ] && tr -dc '0-9' < "$f" || true
}

# True when the LDAP RootDSE on 127.0.0.1:389 answers.
root_dse_answers() {
  ldapsearch -LLL -x -H ldap://127.0.0.1:389 -b '' -s base -o nettimeout=2 defaultNamingContext \
    >/dev/null 2>&1
}
