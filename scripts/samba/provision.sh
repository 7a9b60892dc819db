#!/usr/bin/env bash
# Provisions a fresh Samba AD domain (realm CH-TEST.LOCAL, NetBIOS CHTEST, DC dc1) entirely inside DIR, for a DC that
# listens on loopback only. Nothing is written to /etc or /var/lib/samba. Must run as root. Takes ~3-5 s.
#
# Usage: provision.sh DIR        (DIR must be empty or absent)
#
# Produces, in DIR:
#   admin.pass            Administrator's random password (mode 0600, no newline)
#   audit.pass            password of vigie-audit, an ordinary Domain Users member for read-only collection (0600)
#   etc/smb.conf          the DC's configuration: every path under DIR, interfaces = lo, TLS with the CA below,
#                         "ldap server require strong auth = no" so that a simple bind also works on plain 389
#   tls/ca.crt            test CA; tls/server.crt|key: dc1's certificate with SANs dc1.ch-test.local, localhost, 127.0.0.1
#   ca.p12, ca.p12.pass   PKCS12 trust store holding the CA (for Java), and its password (0600)
#   untrusted-ca.p12, untrusted-ca.p12.pass
#                         a trust store holding an unrelated CA (for negative tests: the DC must not be trusted)
#   krb5.conf, hosts      client-side Kerberos configuration (kdc = 127.0.0.1) and a hosts file naming the DC
#   domain.env            REALM, DNS_DOMAIN, BASE_DN, DOMAIN_SID, ... as shell assignments
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"

[ $# -eq 1 ] || die "usage: $0 DIR"
mkdir -p "$1"
DIR=$(domain_dir "$1")
[ -z "$(ls -A "$DIR")" ] || die "$DIR is not empty: provision into a new directory"
[ "$(id -u)" -eq 0 ] || die "provisioning a Samba DC needs root"
command -v samba-tool >/dev/null || die "samba-tool not found: run scripts/samba/install-deps.sh"
command -v keytool >/dev/null || die "keytool not found: a JDK is needed for the Java trust store"

umask 077
random_password() {
  # 24 random base64 characters plus one of each class, so that Samba's complexity rules always accept it.
  printf 'Vg1-%s' "$(openssl rand -base64 24 | tr -d '/+=\n')"
}
random_password > "$DIR/admin.pass"
random_password > "$DIR/audit.pass"
mkdir -p "$DIR/log" "$DIR/run" "$DIR/tls"

TLS="$DIR/tls"
# --- TLS: a CA and a server certificate whose SANs match every name a client may use -----------------------------
# Runs in the background while samba-tool provisions (they write to different files).
make_tls() {
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 30 -keyout "$TLS/ca.key" -out "$TLS/ca.crt" \
    -subj "/O=Vigie tests/CN=Vigie test CA $DNS_DOMAIN" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
  openssl req -new -newkey rsa:2048 -nodes -sha256 -keyout "$TLS/server.key" -out "$TLS/server.csr" \
    -subj "/O=Vigie tests/CN=$DC_FQDN"
  cat > "$TLS/server.ext" <<EXT
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:$DC_FQDN,DNS:localhost,IP:127.0.0.1
EXT
  openssl x509 -req -sha256 -days 30 -in "$TLS/server.csr" -CA "$TLS/ca.crt" -CAkey "$TLS/ca.key" \
    -CAcreateserial -out "$TLS/server.crt" -extfile "$TLS/server.ext"
  chmod 600 "$TLS/server.key" "$TLS/ca.key"
  chmod 644 "$TLS/ca.crt" "$TLS/server.crt"

  # An unrelated CA, for tests that must see the DC's certificate rejected.
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 30 -keyout "$TLS/untrusted-ca.key" \
    -out "$TLS/untrusted-ca.crt" -subj "/O=Vigie tests/CN=Unrelated CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"

  java_trust_store() { # CERT STORE: a PKCS12 trust store holding CERT, its password in STORE.pass
    openssl rand -hex 16 | tr -d '\n' > "$2.pass"
    keytool -importcert -noprompt -alias vigie-test-ca -file "$1" -keystore "$2" -storetype PKCS12 \
      -storepass:file "$2.pass" >"$DIR/log/keytool-$(basename "$2").log" 2>&1 \
      || { cat "$DIR/log/keytool-$(basename "$2").log" >&2; return 1; }
  }
  # keytool starts a JVM (~1 s): build both stores at once.
  java_trust_store "$TLS/ca.crt" "$DIR/ca.p12" & trust_pid=$!
  java_trust_store "$TLS/untrusted-ca.crt" "$DIR/untrusted-ca.p12" || return 1
  wait "$trust_pid" || return 1
  chmod 644 "$DIR/ca.p12" "$DIR/untrusted-ca.p12"
}

log "provisioning $REALM into $DIR"
start=$(date +%s%N)
make_tls > "$DIR/log/tls.log" 2>&1 & tls_pid=$!
if ! samba_tool_admin "$DIR" domain provision --targetdir="$DIR" --realm="$REALM" --domain="$NETBIOS_DOMAIN" \
    --server-role=dc --dns-backend=SAMBA_INTERNAL --adminpass=@PASSWORD@ --host-name="$DC_HOST" \
    --option="interfaces=lo" --option="bind interfaces only=yes" > "$DIR/log/provision.log" 2>&1; then
  tail -n 30 "$DIR/log/provision.log" >&2
  wait "$tls_pid" || true
  die "samba-tool domain provision failed (full log: $DIR/log/provision.log)"
fi
DOMAIN_SID=$(sed -n 's/.*DOMAIN SID: *\(S-1-5-21-[0-9-]*\).*/\1/p' "$DIR/log/provision.log" | head -n 1)
[ -n "$DOMAIN_SID" ] || die "no domain SID in $DIR/log/provision.log"

wait "$tls_pid" || { cat "$DIR/log/tls.log" >&2; die "could not make the TLS certificates and trust stores"; }

# --- smb.conf: replaces the provisioned one (options given to provision are not all kept) ------------------------
cat > "$DIR/etc/smb.conf" <<CONF
# Test DC for Vigie's integration tests: everything under $DIR, loopback only.
[global]
	netbios name = ${DC_HOST^^}
	realm = $REALM
	workgroup = $NETBIOS_DOMAIN
	server role = active directory domain controller
	interfaces = lo
	bind interfaces only = yes
	# Samba refuses simple binds on plain 389 by default; the agent's --insecure-plain-ldap mode is tested too.
	ldap server require strong auth = no
	tls enabled = yes
	tls keyfile = $TLS/server.key
	tls certfile = $TLS/server.crt
	tls cafile = $TLS/ca.crt
	private dir = $DIR/private
	state directory = $DIR/state
	cache directory = $DIR/cache
	lock directory = $DIR/lock
	pid directory = $DIR/run
	ncalrpc dir = $DIR/run/ncalrpc
	winbindd socket directory = $DIR/run/winbindd
	ntp signd socket directory = $DIR/run/ntp_signd
	binddns dir = $DIR/bind-dns
	log file = $DIR/log/samba.log
	log level = 1
	max log size = 0
	logging = file
	panic action =
	idmap_ldb:use rfc2307 = no
	# Fewer worker processes than the default 4 per service: a test DC on a small CI machine.
	prefork children = 2

[sysvol]
	path = $DIR/state/sysvol
	read only = no

[netlogon]
	path = $DIR/state/sysvol/$DNS_DOMAIN/scripts
	read only = no
CONF
mkdir -p "$DIR/lock" "$DIR/cache"

# --- client-side files -----------------------------------------------------------------------------------------------
cat > "$DIR/krb5.conf" <<KRB
[libdefaults]
	default_realm = $REALM
	dns_lookup_realm = false
	dns_lookup_kdc = false
[realms]
	$REALM = {
		kdc = 127.0.0.1
		admin_server = 127.0.0.1
	}
[domain_realm]
	.$DNS_DOMAIN = $REALM
	$DNS_DOMAIN = $REALM
KRB
printf '127.0.0.1 %s %s localhost\n' "$DC_FQDN" "$DC_HOST" > "$DIR/hosts"
chmod 644 "$DIR/krb5.conf" "$DIR/hosts"

# --- the read-only audit account: an ordinary user, no privilege (created offline in sam.ldb) ---------------------
"$PYTHON" "$SAMBA_SCRIPTS/lib/samba-tool-secret.py" "$DIR/audit.pass" user create vigie-audit @PASSWORD@ \
  --description="Vigie read-only audit account" -H "tdb://$DIR/private/sam.ldb" -s "$DIR/etc/smb.conf" \
  >> "$DIR/log/provision.log" 2>&1 || die "could not create vigie-audit (log: $DIR/log/provision.log)"

cat > "$DIR/domain.env" <<ENV
REALM=$REALM
DNS_DOMAIN=$DNS_DOMAIN
NETBIOS_DOMAIN=$NETBIOS_DOMAIN
DC_FQDN=$DC_FQDN
BASE_DN=$BASE_DN
DOMAIN_SID=$DOMAIN_SID
ENV
chmod 644 "$DIR/domain.env"
log "provisioned $REALM ($DOMAIN_SID) in $(( ($(date +%s%N) - start) / 1000000 )) ms"
