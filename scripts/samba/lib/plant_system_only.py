#!/usr/bin/python3
"""Writes the misconfigurations that AD refuses over LDAP (system-only attributes) straight into DIR/private/sam.ldb,
the way ldbmodify does, with Samba's local controls. Called by plant.sh after the LDAP phase; needs root.

Usage: plant_system_only.py DIR

- pwdLastSet of dormant-user: an arbitrary date needs the "bypass password hash" control (LDAP allows only 0/-1);
- whenCreated of dormant-user, sIDHistory of sidhist-user: system-only, written with relax;
- msDS-AllowedToActOnBehalfOfOtherIdentity (RBCD granting SRV-RBCD$) of the DC and of the member server SRV-FILE$:
  a security descriptor built from SDDL, written with relax;
- the foreignSecurityPrincipal CN=S-1-5-7 (Anonymous Logon): Samba creates FSPs only through its provision control,
  and resolves <SID=S-1-5-7> to the well-known object of the configuration partition instead, unlike Windows.
Run with Debian's /usr/bin/python3 (Samba's modules).
"""
import calendar
import sys
import time

import ldb
from samba.auth import system_session
from samba.dcerpc import security
from samba.ndr import ndr_pack, ndr_unpack
from samba.param import LoadParm
from samba.samdb import SamDB

BYPASS_PWD_HASH = "local_oid:1.3.6.1.4.1.7165.4.3.12:0"


def filetime(iso_date):
    """100-ns intervals since 1601-01-01 for a UTC date YYYY-MM-DD."""
    seconds = calendar.timegm(time.strptime(iso_date, "%Y-%m-%d"))
    return str((seconds + 11644473600) * 10_000_000)


def modify(db, dn, attrs, controls):
    msg = ldb.Message(ldb.Dn(db, dn))
    for name, values in attrs.items():
        msg[name] = ldb.MessageElement(values, ldb.FLAG_MOD_REPLACE, name)
    db.modify(msg, controls=controls)


def main(directory):
    lp = LoadParm()
    lp.load(directory + "/etc/smb.conf")
    db = SamDB(url=directory + "/private/sam.ldb", session_info=system_session(), lp=lp)
    base = str(db.get_default_basedn())
    users = "CN=Users," + base

    modify(db, "CN=dormant-user," + users, {"pwdLastSet": [filetime("2021-03-01")]}, [BYPASS_PWD_HASH])
    modify(db, "CN=dormant-user," + users, {"whenCreated": ["20200115000000.0Z"]}, ["relax:0"])

    sid = ndr_pack(security.dom_sid("S-1-5-32-544"))
    modify(db, "CN=sidhist-user," + users, {"sIDHistory": [sid]}, ["relax:0"])

    found = db.search(base=base, expression="(sAMAccountName=SRV-RBCD$)", attrs=["objectSid"])
    if len(found) != 1:
        raise SystemExit("SRV-RBCD$ not found: the LDAP phase of plant.sh did not run")
    rbcd_sid = str(ndr_unpack(security.dom_sid, found[0]["objectSid"][0]))
    sddl = "O:BAD:(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;%s)" % rbcd_sid
    sd = security.descriptor.from_sddl(sddl, security.dom_sid(db.get_domain_sid()))
    for target in ("DC1$", "SRV-FILE$"):
        dn = db.search(base=base, expression="(sAMAccountName=%s)" % target, attrs=["dn"])[0].dn
        modify(db, str(dn), {"msDS-AllowedToActOnBehalfOfOtherIdentity": [ndr_pack(sd)]}, ["relax:0"])

    fsp = ldb.Message(ldb.Dn(db, "CN=S-1-5-7,CN=ForeignSecurityPrincipals," + base))
    fsp["objectClass"] = ldb.MessageElement("foreignSecurityPrincipal", ldb.FLAG_MOD_ADD, "objectClass")
    fsp["objectSid"] = ldb.MessageElement(ndr_pack(security.dom_sid("S-1-5-7")), ldb.FLAG_MOD_ADD, "objectSid")
    db.add(fsp, controls=["provision:0"])
    print("RBCD on DC1$ and SRV-FILE$ for %s; FSP S-1-5-7 added" % rbcd_sid)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(sys.argv[1])
