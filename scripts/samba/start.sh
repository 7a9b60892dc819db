#!/usr/bin/env bash
# Starts the DC provisioned in DIR (provision.sh) as a daemon and waits until it serves LDAP; then registers the
# DC's A record (provisioning leaves none). Stop it with stop.sh DIR. Must run as root.
#
# Usage: start.sh DIR [TIMEOUT_SECONDS]    (default 60)
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"

DIR=$(domain_dir "${1:-}")
TIMEOUT=${2:-60}
[ -f "$DIR/etc/smb.conf" ] || die "$DIR/etc/smb.conf missing: run provision.sh $DIR first"
command -v samba >/dev/null || die "samba not found: run scripts/samba/install-deps.sh"

pid=$(samba_pid "$DIR")
if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
  die "a DC of $DIR is already running (pid $pid): stop it with stop.sh $DIR"
fi
# Another samba or an OS service on these ports would answer instead of (or prevent) ours.
leftover_dcs() { # test DCs of earlier runs still alive (e.g. a killed JVM's @TempDir): how to stop each
  local f pid
  for f in "${TMPDIR:-/tmp}"/*/*/run/samba.pid "${TMPDIR:-/tmp}"/*/run/samba.pid; do
    [ -s "$f" ] || continue
    pid=$(tr -dc '0-9' < "$f")
    if [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = samba ]; then
      echo "  a test DC is still running (pid $pid): $SAMBA_SCRIPTS/stop.sh $(dirname "$(dirname "$f")")"
    fi
  done
}
for port in 53 88 135 139 389 445 464 636 3268 3269; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    leftover_dcs >&2
    die "port $port on 127.0.0.1 is already in use: stop whatever listens there (another samba, smbd?)"
  fi
done

log "starting samba for $DIR"
start=$(date +%s%N)
samba -s "$DIR/etc/smb.conf" -D || die "samba -D failed (log: $DIR/log/samba.log)"

deadline=$((SECONDS + TIMEOUT))
until root_dse_answers; do
  pid=$(samba_pid "$DIR")
  if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
    tail -n 30 "$DIR/log/samba.log" >&2 || true
    die "samba (pid $pid) exited during startup (log: $DIR/log/samba.log)"
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    tail -n 30 "$DIR/log/samba.log" >&2 || true
    die "the DC did not answer LDAP on 127.0.0.1:389 within ${TIMEOUT}s (log: $DIR/log/samba.log)"
  fi
  sleep 0.2
done
log "LDAP answers after $(( ($(date +%s%N) - start) / 1000000 )) ms (pid $(samba_pid "$DIR"))"

# The DNS server needs a moment longer than LDAP: retry the record a few times.
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  if out=$(samba_tool_admin "$DIR" dns add 127.0.0.1 "$DNS_DOMAIN" "$DC_HOST" A 127.0.0.1 \
      -U "Administrator%@PASSWORD@" -s "$DIR/etc/smb.conf" 2>&1); then
    break
  fi
  case "$out" in
    *ALREADY_EXISTS*|*"already exists"*) break ;;
  esac
  [ "$attempt" -lt 10 ] || die "could not add the A record of $DC_FQDN: $out"
  sleep 0.5
done
# At its first start Samba registers the DC's service principal names (samba_spnupdate) a few seconds after LDAP
# answers: wait until they are there and stable, so that two collections of a fresh DC see the same directory.
spns() {
  ldbsearch -H "$DIR/private/sam.ldb" -b "CN=${DC_HOST^^},OU=Domain Controllers,$BASE_DN" -s base \
      servicePrincipalName 2>/dev/null | grep -c '^servicePrincipalName: ' || true
}
previous=-1
for _ in $(seq 1 120); do
  now=$(spns)
  if [ "$now" = "$previous" ] && ldbsearch -H "$DIR/private/sam.ldb" -b "CN=${DC_HOST^^},OU=Domain Controllers,$BASE_DN" \
      -s base servicePrincipalName 2>/dev/null | grep -q '^servicePrincipalName: ldap/'; then
    break
  fi
  previous=$now
  sleep 0.5
done
log "DC ready after $(( ($(date +%s%N) - start) / 1000000 )) ms"
