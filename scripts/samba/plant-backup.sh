#!/usr/bin/env bash
# Plants the backup-side findings of issue 3 in the running DC of DIR, and makes backups of it, for
# SambaBackupTest. Independent of plant.sh (its own password file), on a freshly provisioned and started DC.
#
# Usage: plant-backup.sh DIR STEP
#
# STEP objects (once), over LDAPS as Administrator:
#   svc-veeam     user, description "Veeam Backup Service", member of Domain Admins
#   op-alice      user, direct member of Backup Operators
#   ops-nested    global security group, member of Backup Operators; op-bob (user) is its member
#   SRV-VEEAM$    enabled member computer (UAC 0x81000: WORKSTATION_TRUST_ACCOUNT|TRUSTED_FOR_DELEGATION),
#                 Windows Server 2022, description "Veeam Backup & Replication server", no LAPS attribute
#   Every planted account has the random password of DIR/backup-planted.pass (0600).
#   The operators' names match no backup name pattern on purpose: they must show up as Backup Operators members,
#   not as backup service accounts.
#
# STEP samba-backup: Samba's own backup, "samba-tool domain backup offline", into DIR/backups; checks that the
#   tarball holds a database marked as a backup (@SAMBA_DSDB backupDate) and prints the tarball's path. It copies
#   the database under a transaction and never writes to the naming contexts: the live DC's replPropertyMetaData
#   gains no dSASignature stamp. ("samba-tool domain backup online" is no better: it reads the DC through DRS
#   replication and SMB and marks only its clone; against this loopback DC its SMB sysvol download also fails with
#   NT_STATUS_INTERNAL_ERROR at session setup.)
#
# STEP stamp: what a Windows AD-aware backup does to the directory: one write of dSASignature on every
#   naming-context head (lib/stamp_dsa_signature.py, straight into sam.ldb). Run once: version 1 dated just after
#   the domain's creation (Vigie reads it as Windows' creation stamp: "never"); run twice: version 2, a backup.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"

DIR=$(domain_dir "${1:-}")
STEP=${2:-}
[ -f "$DIR/admin.pass" ] || die "$DIR/admin.pass missing: run provision.sh $DIR first"

plant_objects() {
  root_dse_answers || die "the DC of $DIR does not answer LDAP: run start.sh $DIR first"
  [ ! -e "$DIR/backup-planted.pass" ] || die "$DIR was already planted by plant-backup.sh"
  umask 077
  printf 'Vg3-%s' "$(openssl rand -base64 24 | tr -d '/+=\n')" > "$DIR/backup-planted.pass"
  # unicodePwd: the quoted password in UTF-16LE, base64 (LDIF "::"). Only ever written to a 0600 file.
  local pwd_b64 ldif u c
  pwd_b64=$( { printf '"'; cat "$DIR/backup-planted.pass"; printf '"'; } | iconv -f UTF-8 -t UTF-16LE | base64 -w0)
  u="CN=Users,$BASE_DN"
  c="CN=Computers,$BASE_DN"
  ldif="$DIR/log/plant-backup.ldif"

  user() { # NAME [EXTRA_LDIF_LINES...]
    local name=$1; shift
    printf 'dn: CN=%s,%s\nchangetype: add\nobjectClass: user\nsAMAccountName: %s\nuserPrincipalName: %s@%s\n' \
      "$name" "$u" "$name" "$name" "$DNS_DOMAIN"
    printf 'unicodePwd:: %s\nuserAccountControl: 512\n' "$pwd_b64"
    printf '%s\n' "$@"
    printf '\n'
  }
  add_member() { # GROUP_DN MEMBER_DN
    printf 'dn: %s\nchangetype: modify\nadd: member\nmember: %s\n\n' "$1" "$2"
  }

  {
    user svc-veeam "description: Veeam Backup Service"
    add_member "CN=Domain Admins,$u" "CN=svc-veeam,$u"
    user op-alice
    add_member "CN=Backup Operators,CN=Builtin,$BASE_DN" "CN=op-alice,$u"
    printf 'dn: CN=ops-nested,%s\nchangetype: add\nobjectClass: group\nsAMAccountName: ops-nested\n' "$u"
    printf 'groupType: -2147483646\n\n'
    user op-bob
    add_member "CN=ops-nested,$u" "CN=op-bob,$u"
    add_member "CN=Backup Operators,CN=Builtin,$BASE_DN" "CN=ops-nested,$u"
    # A joined machine has UAC 4096 (samba-tool computer create makes it disabled, 4098); + TRUSTED_FOR_DELEGATION.
    printf 'dn: CN=SRV-VEEAM,%s\nchangetype: add\nobjectClass: computer\nsAMAccountName: SRV-VEEAM$\n' "$c"
    printf 'dNSHostName: srv-veeam.%s\nunicodePwd:: %s\nuserAccountControl: 528384\n' "$DNS_DOMAIN" "$pwd_b64"
    printf 'operatingSystem: Windows Server 2022 Standard\noperatingSystemVersion: 10.0 (20348)\n'
    printf 'servicePrincipalName: HOST/srv-veeam.%s\n' "$DNS_DOMAIN"
    printf 'description: Veeam Backup & Replication server\n\n'
  } > "$ldif"

  log "planting the backup objects over LDAPS as Administrator"
  LDAPTLS_CACERT="$DIR/tls/ca.crt" ldapmodify -x -H ldaps://127.0.0.1:636 -D "Administrator@$DNS_DOMAIN" \
      -y "$DIR/admin.pass" -f "$ldif" > "$DIR/log/plant-backup-ldap.log" 2>&1 \
    || { tail -n 20 "$DIR/log/plant-backup-ldap.log" >&2; die "ldapmodify failed (LDIF: $ldif)"; }
  rm -f "$ldif"
}

samba_backup() {
  local target="$DIR/backups" before tarball check marker
  mkdir -p "$target"
  before=$(ls -1 "$target")
  log "samba-tool domain backup offline into $target"
  samba-tool domain backup offline --targetdir="$target" -s "$DIR/etc/smb.conf" \
      > "$DIR/log/backup-offline.log" 2>&1 \
    || { tail -n 20 "$DIR/log/backup-offline.log" >&2; die "samba-tool domain backup offline failed"; }
  tarball=$(comm -13 <(printf '%s\n' "$before" | sort) <(ls -1 "$target" | sort) | grep '\.tar\.bz2$' | head -n 1)
  [ -n "$tarball" ] || die "no new backup tarball in $target (log: $DIR/log/backup-offline.log)"
  # The backup is real: its database carries Samba's backup marker.
  check=$(mktemp -d "$DIR/backups/check.XXXXXX")
  tar -xjf "$target/$tarball" -C "$check" private/sam.ldb
  marker=$(ldbsearch -H "tdb://$check/private/sam.ldb" -o modules: -s base -b @SAMBA_DSDB backupDate backupType \
    | sed -n 's/^\(backupDate\|backupType\): /\1=/p' | tr '\n' ' ')
  rm -rf "$check"
  case "$marker" in
    *backupDate=*backupType=offline*) ;;
    *) die "the database in $target/$tarball is not marked as an offline backup: '$marker'" ;;
  esac
  log "backup $tarball ($marker)"
  echo "$target/$tarball"
}

stamp() {
  log "writing dSASignature on every naming-context head, as a Windows AD-aware backup does"
  "$PYTHON" "$SAMBA_SCRIPTS/lib/stamp_dsa_signature.py" "$DIR"
}

case "$STEP" in
  objects) plant_objects ;;
  samba-backup) samba_backup ;;
  stamp) stamp ;;
  *) die "usage: $(basename "$0") DIR objects|samba-backup|stamp" ;;
esac
