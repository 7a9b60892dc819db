#!/usr/bin/env bash
# Stops the DC started by start.sh DIR: SIGTERM to the pid of DIR/run/samba.pid, wait, then SIGKILL whatever is left
# of that pid's process group (samba's worker processes), by pid. Does nothing when the DC is not running.
#
# Usage: stop.sh DIR [TIMEOUT_SECONDS]    (default 15)
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"

DIR=$(domain_dir "${1:-}")
TIMEOUT=${2:-15}
pid=$(samba_pid "$DIR")
if [ -z "$pid" ]; then
  log "no pid file in $DIR/run: nothing to stop"
  exit 0
fi
if ! kill -0 "$pid" 2>/dev/null; then
  log "samba (pid $pid) is not running"
  rm -f "$DIR/run/samba.pid"
  exit 0
fi
# The pid must be samba's, not a recycled pid of an unrelated process.
comm=$(cat "/proc/$pid/comm" 2>/dev/null || true)
case "$comm" in
  samba*) ;;
  *) die "pid $pid of $DIR/run/samba.pid is '$comm', not samba: not stopping it" ;;
esac
pgid=$(ps -o pgid= -p "$pid" | tr -d ' ')

group_members() { # pids of the process group, except ourselves
  [ -n "$pgid" ] || return 0
  ps -eo pid=,pgid= | awk -v g="$pgid" '$2 == g { print $1 }'
}

log "stopping samba (pid $pid, process group $pgid)"
kill -TERM "$pid" 2>/dev/null || true
deadline=$((SECONDS + TIMEOUT))
while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do
  sleep 0.2
done
if kill -0 "$pid" 2>/dev/null; then
  log "samba did not stop within ${TIMEOUT}s: killing it"
  kill -KILL "$pid" 2>/dev/null || true
fi
# samba -D makes itself a session leader, so its group holds only its own workers.
if [ -n "$pgid" ] && [ "$pgid" = "$pid" ]; then
  for p in $(group_members); do
    kill -KILL "$p" 2>/dev/null || true
  done
fi
for _ in $(seq 1 50); do
  [ -z "$(group_members)" ] && break
  sleep 0.1
done
rm -f "$DIR/run/samba.pid"
log "stopped"
