#!/usr/bin/env bash
# Installs every Debian package the tests need (as root; idempotent):
#   scripts/samba/install-deps.sh  the Samba AD DC, impacket, LDAP/Kerberos clients (integration tests)
#   scripts/host/install-deps.sh   smbd/smbclient, chattr/lsattr, setpriv (host-side backup tests)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/samba/install-deps.sh"
"$here/host/install-deps.sh"
