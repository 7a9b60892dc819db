#!/usr/bin/env bash
# Vigie, end to end on embedded defaults: builds the jars, starts an embedded collector (HTTPS, embedded PostgreSQL)
# on 127.0.0.1, registers a sample establishment, mints an enrollment token, enrolls an agent, audits the embedded
# sample hospital domain "CH Exemple" over LDAPS, writes the reports, and delivers the signed (pseudonymized) report
# to the collector. Everything lives in a temporary directory, except the reports (./vigie-demo).
# Needs: JDK 17 and Maven. No network but Maven Central for the first build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if [ ! -f agent/target/vigie-agent.jar ] || [ ! -f collector/target/vigie-collector.jar ] || [ "${VIGIE_REBUILD:-1}" = 1 ]; then
  echo "== building Vigie (mvn package, tests skipped: run them with the README's second command)"
  mvn -B -q -DskipTests package
fi

WORK="$(mktemp -d -t vigie-demo.XXXXXX)"
COLLECTOR=(java -jar collector/target/vigie-collector.jar)
AGENT=(java -jar agent/target/vigie-agent.jar)
DATA="$WORK/collector"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

echo "== starting the embedded collector on https://127.0.0.1:$PORT (data in $DATA)"
"${COLLECTOR[@]}" serve --data-dir "$DATA" --host 127.0.0.1 --port "$PORT" --generate-self-signed \
    > "$WORK/collector.log" 2>&1 &
CPID=$!
cleanup() {
  kill -TERM "$CPID" 2>/dev/null || true
  wait "$CPID" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 120); do
  grep -q "listening on" "$WORK/collector.log" && break
  kill -0 "$CPID" 2>/dev/null || { cat "$WORK/collector.log"; echo "the collector did not start" >&2; exit 1; }
  sleep 0.5
done
grep -q "listening on" "$WORK/collector.log" || { cat "$WORK/collector.log"; echo "collector start timed out" >&2; exit 1; }
sed 's/^/   /' "$WORK/collector.log"

echo "== collector admin: establishment and a one-use enrollment token"
"${COLLECTOR[@]}" establishment create --data-dir "$DATA" --finess 350000001 --name "CH Exemple" \
    --region Bretagne --category CH
"${COLLECTOR[@]}" token mint --data-dir "$DATA" --establishment 350000001 --url "https://127.0.0.1:$PORT" \
    --expires 1h --uses 1 --out "$WORK/enroll.token"

echo "== agent: enroll (the token is read from a 0600 file and deleted)"
"${AGENT[@]}" enroll --token-file "$WORK/enroll.token" --state-dir "$WORK/agent"

echo "== agent: audit the embedded demo domain and deliver the signed report"
"${AGENT[@]}" demo --out vigie-demo --upload --state-dir "$WORK/agent" || status=$?
status=${status:-0}

echo "== collector admin: the fleet"
"${COLLECTOR[@]}" agents list --data-dir "$DATA"
exit "$status"
