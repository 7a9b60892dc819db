#!/usr/bin/env bash
# Installs the Debian 12 packages needed to run a Samba AD DC on loopback and the impacket cross-check.
# Idempotent and non-interactive; must run as root. Skips apt entirely when everything is already installed.
set -euo pipefail

PACKAGES=(
  samba samba-ad-dc samba-ad-provision samba-dsdb-modules samba-vfs-modules winbind
  krb5-user ldap-utils ldb-tools openssl python3-impacket python3-ldapdomaindump
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: must run as root to install: ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# krb5-config asks for a default realm and servers: answer in advance (the test DC uses its own krb5.conf anyway).
debconf-set-selections <<'DEBCONF'
krb5-config krb5-config/default_realm string CH-TEST.LOCAL
krb5-config krb5-config/kerberos_servers string 127.0.0.1
krb5-config krb5-config/admin_server string 127.0.0.1
krb5-config krb5-config/add_servers_realm string CH-TEST.LOCAL
krb5-config krb5-config/add_servers boolean false
krb5-config krb5-config/read_conf boolean true
DEBCONF

echo "install-deps: installing ${missing[*]}"
apt-get update -q
apt-get install -y -q --no-install-recommends \
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${PACKAGES[@]}"

# On an ordinary host the package scripts start smbd/nmbd/samba-ad-dc, which would hold the ports of the test DC.
for unit in smbd nmbd winbind samba-ad-dc; do
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$unit" 2>/dev/null; then
    echo "install-deps: stopping and disabling the system's $unit service (it holds ports the test DC needs)"
    systemctl stop "$unit" || true
    systemctl disable "$unit" >/dev/null 2>&1 || true
  fi
done
echo "install-deps: done"
