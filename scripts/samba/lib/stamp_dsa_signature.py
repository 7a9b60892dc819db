#!/usr/bin/python3
"""Does, on every naming-context head of the DC of DIR, the one directory write that a Windows AD-aware backup makes:
it rewrites dSASignature, so that replPropertyMetaData gets a fresh stamp for attribute 0x2004A (originating time =
now, version + 1). This is what PingCastle (A-BackupMetadata), "repadmin /showbackup" and Vigie read as "the last
backup". Called by plant-backup.sh (step "stamp"); needs root.

Usage: stamp_dsa_signature.py DIR

Why a direct write: Samba's own backups ("samba-tool domain backup offline/online") copy or replicate the database
and mark only the copy (@SAMBA_DSDB backupDate), never the live naming contexts, so after them the metadata still
says "never backed up". On Windows, the NTDS backup API (DsBackupPrepare / the NTDS VSS writer) writes dSASignature
on each naming context it backs up, as the DSA itself.

The first write on a fresh DC gives a version-1 entry dated a few minutes after the naming context was created: what
Windows writes when it creates a naming context, which Vigie reads as "never backed up". A second write gives version
2: a real backup. Each write stores a different value (Samba, like AD, does not re-stamp an unchanged value).

The value is opaque to every reader of the metadata (Vigie included): 40 bytes laid out like the DSA signature
state Windows keeps there (format version 1, size, flags 0, a 64-bit field here holding the write time in
nanoseconds so that it always changes, and the DC's invocationId). No control is needed: dSASignature is not
system-only, and the system session bypasses access checks. Prints one line per naming context written.
Run with Debian's /usr/bin/python3 (Samba's modules).
"""
import struct
import sys
import time

import ldb
from samba.auth import system_session
from samba.dcerpc import misc
from samba.ndr import ndr_pack
from samba.param import LoadParm
from samba.samdb import SamDB


def naming_contexts(db):
    """The naming contexts of the RootDSE: domain, configuration, schema and the two DNS application partitions."""
    res = db.search(base="", scope=ldb.SCOPE_BASE, attrs=["namingContexts"])
    return [str(nc) for nc in res[0]["namingContexts"]]


def signature(invocation_id):
    value = struct.pack("<IIIIQ", 1, 40, 0, 0, time.time_ns()) + ndr_pack(misc.GUID(invocation_id))
    assert len(value) == 40
    return value


def main(directory):
    lp = LoadParm()
    lp.load(directory + "/etc/smb.conf")
    db = SamDB(url=directory + "/private/sam.ldb", session_info=system_session(), lp=lp)
    invocation_id = str(db.get_invocation_id())
    contexts = naming_contexts(db)
    if not contexts:
        raise SystemExit("the RootDSE of %s lists no namingContexts" % directory)
    for nc in contexts:
        msg = ldb.Message(ldb.Dn(db, nc))
        msg["dSASignature"] = ldb.MessageElement(signature(invocation_id), ldb.FLAG_MOD_REPLACE, "dSASignature")
        db.modify(msg)
        print("dSASignature written on %s (invocationId %s)" % (nc, invocation_id))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(sys.argv[1])
