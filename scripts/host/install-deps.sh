#!/usr/bin/env bash
# Debian packages the host-side backup tests need (agent: fr.vigie.agent.collect.host):
#   samba      smbd and testparm: a real Samba file server on 127.0.0.1:14450 (SambaSharesTest)
#   smbclient  writes into the guest-writable share as a guest, to prove it is really open
#   e2fsprogs  chattr/lsattr: the immutable attribute of backup files (BackupLocationScannerTest)
#   util-linux setpriv/setsid: permission-denied scan as user nobody; smbd in its own process group
# Idempotent; run as root (CI runs as root).
set -euo pipefail
missing=()
for pkg in samba smbclient e2fsprogs util-linux; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
