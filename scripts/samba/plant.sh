#!/usr/bin/env bash
# Plants known misconfigurations in the running DC of DIR, for the integration tests to find. First over LDAPS as
# Administrator (what an administrator can do), then straight into sam.ldb for the system-only attributes
# (lib/plant_system_only.py). Run once, on a freshly provisioned and started DC. Takes a few seconds.
#
# Usage: plant.sh DIR
#
# What is planted (the integration tests assert each one; keep them in step):
#   svc-sql       user in Domain Admins, SPN MSSQLSvc/sql01.ch-test.local:1433, UAC 0x10200 (DONT_EXPIRE_PASSWORD)
#   asrep-user    user, UAC 0x400200 (DONT_REQ_PREAUTH)
#   nopwd-user    user, UAC 0x220 (PASSWD_NOTREQD)
#   roast-user    user with SPN HTTP/app01.ch-test.local (kerberoastable)
#   SRV-UNCON$    enabled member computer, UAC 0x81000 (TRUSTED_FOR_DELEGATION), Windows Server 2019
#   svc-kcd       user, SPN HTTP/intranet.ch-test.local, msDS-AllowedToDelegateTo ldap/dc1.ch-test.local
#   svc-t2a4d     user, SPN HTTP/portal.ch-test.local, UAC 0x1000200 (TRUSTED_TO_AUTH_FOR_DELEGATION),
#                 msDS-AllowedToDelegateTo cifs/dc1.ch-test.local (protocol transition to a DC service)
#   SRV-RBCD$     member computer allowed to act on behalf of other identities on DC1 (RBCD on the DC:
#                 msDS-AllowedToActOnBehalfOfOtherIdentity of CN=DC1 grants SRV-RBCD$'s SID) and on SRV-FILE$
#   SRV-FILE$     member server whose RBCD grants SRV-RBCD$ (impacket's findDelegation skips DCs: this one it lists)
#   dormant-user  enabled user, whenCreated 2020-01-15, pwdLastSet 2021-03-01, lastLogonTimestamp 2021-06-01
#   backup-op     member of Backup Operators
#   schema-adm    member of Schema Admins
#   sidhist-user  sIDHistory S-1-5-32-544 (Administrators)
#   pgid-user     primaryGroupID 512 (Domain Admins)
#   loop-a/loop-b global groups nested in each other
#   PC-XP$        enabled member computer running "Windows XP Professional" 5.1 (2600)
#   Guest         enabled (UAC 0x10220)
#   dSHeuristics  "0000002" on CN=Directory Service (anonymous LDAP operations allowed)
#   Pre-Windows 2000 Compatible Access gets Anonymous Logon (FSP CN=S-1-5-7) as a member
# Every planted account has the random password of DIR/planted.pass (0600).
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"

DIR=$(domain_dir "${1:-}")
[ -f "$DIR/admin.pass" ] || die "$DIR/admin.pass missing: run provision.sh $DIR first"
root_dse_answers || die "the DC of $DIR does not answer LDAP: run start.sh $DIR first"
[ ! -e "$DIR/planted.pass" ] || die "$DIR was already planted"

start=$(date +%s%N)
umask 077
printf 'Vg2-%s' "$(openssl rand -base64 24 | tr -d '/+=\n')" > "$DIR/planted.pass"
# unicodePwd: the quoted password in UTF-16LE, base64 (LDIF "::"). Only ever written to a 0600 file.
PWD_B64=$( { printf '"'; cat "$DIR/planted.pass"; printf '"'; } | iconv -f UTF-8 -t UTF-16LE | base64 -w0)

U="CN=Users,$BASE_DN"
C="CN=Computers,$BASE_DN"
LDIF="$DIR/log/plant.ldif"

user() { # NAME UAC [EXTRA_LDIF_LINES...]
  local name=$1 uac=$2; shift 2
  printf 'dn: CN=%s,%s\nchangetype: add\nobjectClass: user\nsAMAccountName: %s\nuserPrincipalName: %s@%s\n' \
    "$name" "$U" "$name" "$name" "$DNS_DOMAIN"
  printf 'unicodePwd:: %s\nuserAccountControl: %s\n' "$PWD_B64" "$uac"
  printf '%s\n' "$@"
  printf '\n'
}
computer() { # NAME UAC OS OS_VERSION [EXTRA_LDIF_LINES...]
  local name=$1 uac=$2 os=$3 osv=$4 lower; shift 4
  lower=$(echo "$name" | tr 'A-Z' 'a-z')
  printf 'dn: CN=%s,%s\nchangetype: add\nobjectClass: computer\nsAMAccountName: %s$\n' "$name" "$C" "$name"
  printf 'dNSHostName: %s.%s\nunicodePwd:: %s\nuserAccountControl: %s\n' "$lower" "$DNS_DOMAIN" "$PWD_B64" "$uac"
  printf 'operatingSystem: %s\noperatingSystemVersion: %s\nservicePrincipalName: HOST/%s.%s\n' \
    "$os" "$osv" "$lower" "$DNS_DOMAIN"
  printf '%s\n' "$@"
  printf '\n'
}
add_member() { # GROUP_DN MEMBER_DN
  printf 'dn: %s\nchangetype: modify\nadd: member\nmember: %s\n\n' "$1" "$2"
}
replace() { # DN ATTRIBUTE VALUE
  printf 'dn: %s\nchangetype: modify\nreplace: %s\n%s: %s\n\n' "$1" "$2" "$2" "$3"
}

{
  user svc-sql 66048 "servicePrincipalName: MSSQLSvc/sql01.$DNS_DOMAIN:1433" "description: SQL service account"
  add_member "CN=Domain Admins,$U" "CN=svc-sql,$U"
  user asrep-user 4194816
  user nopwd-user 544
  user roast-user 512 "servicePrincipalName: HTTP/app01.$DNS_DOMAIN"
  computer SRV-UNCON 528384 "Windows Server 2019 Standard" "10.0 (17763)"
  # Constrained delegation, as "samba-tool delegation add-service" writes it.
  user svc-kcd 512 "servicePrincipalName: HTTP/intranet.$DNS_DOMAIN" "msDS-AllowedToDelegateTo: ldap/$DC_FQDN"
  user svc-t2a4d 16777728 "servicePrincipalName: HTTP/portal.$DNS_DOMAIN" "msDS-AllowedToDelegateTo: cifs/$DC_FQDN"
  computer SRV-RBCD 4096 "Windows Server 2022 Standard" "10.0 (20348)"
  computer SRV-FILE 4096 "Windows Server 2022 Standard" "10.0 (20348)"
  user dormant-user 512
  # lastLogonTimestamp is writable over LDAP (pwdLastSet and whenCreated are not: see plant_system_only.py).
  replace "CN=dormant-user,$U" lastLogonTimestamp "$(( ($(date -u -d 2021-06-01 +%s) + 11644473600) * 10000000 ))"
  user backup-op 512
  add_member "CN=Backup Operators,CN=Builtin,$BASE_DN" "CN=backup-op,$U"
  user schema-adm 512
  add_member "CN=Schema Admins,$U" "CN=schema-adm,$U"
  user sidhist-user 512
  # primaryGroupID can only name a group the account is a member of.
  user pgid-user 512
  add_member "CN=Domain Admins,$U" "CN=pgid-user,$U"
  replace "CN=pgid-user,$U" primaryGroupID 512
  for g in loop-a loop-b; do
    printf 'dn: CN=%s,%s\nchangetype: add\nobjectClass: group\nsAMAccountName: %s\ngroupType: -2147483646\n\n' \
      "$g" "$U" "$g"
  done
  add_member "CN=loop-a,$U" "CN=loop-b,$U"
  add_member "CN=loop-b,$U" "CN=loop-a,$U"
  computer PC-XP 4096 "Windows XP Professional" "5.1 (2600)"
  replace "CN=Guest,$U" userAccountControl 66080
  replace "CN=Directory Service,CN=Windows NT,CN=Services,CN=Configuration,$BASE_DN" dSHeuristics 0000002
} > "$LDIF"

ldap_admin() { # ldapmodify over LDAPS as Administrator, password from DIR/admin.pass
  LDAPTLS_CACERT="$DIR/tls/ca.crt" ldapmodify -x -H ldaps://127.0.0.1:636 -D "Administrator@$DNS_DOMAIN" \
    -y "$DIR/admin.pass" "$@"
}

log "planting over LDAPS as Administrator"
ldap_admin -f "$LDIF" > "$DIR/log/plant-ldap.log" 2>&1 \
  || { tail -n 20 "$DIR/log/plant-ldap.log" >&2; die "ldapmodify failed (LDIF: $LDIF)"; }
rm -f "$LDIF"

log "planting system-only attributes in sam.ldb"
"$PYTHON" "$SAMBA_SCRIPTS/lib/plant_system_only.py" "$DIR" > "$DIR/log/plant-ldb.log" 2>&1 \
  || { cat "$DIR/log/plant-ldb.log" >&2; die "plant_system_only.py failed"; }

# The FSP exists now: make Anonymous Logon a member of Pre-Windows 2000 Compatible Access, over LDAP.
add_member "CN=Pre-Windows 2000 Compatible Access,CN=Builtin,$BASE_DN" \
  "CN=S-1-5-7,CN=ForeignSecurityPrincipals,$BASE_DN" | ldap_admin >> "$DIR/log/plant-ldap.log" 2>&1 \
  || { tail -n 20 "$DIR/log/plant-ldap.log" >&2; die "could not add Anonymous Logon to Pre-Windows 2000"; }
log "planted in $(( ($(date +%s%N) - start) / 1000000 )) ms"
