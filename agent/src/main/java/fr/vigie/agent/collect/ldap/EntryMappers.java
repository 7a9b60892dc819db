package fr.vigie.agent.collect.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import fr.vigie.agent.collect.ldap.codec.MalformedValueException;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.AccountKind;
import fr.vigie.snapshot.ComputerInfo;
import fr.vigie.snapshot.ForeignPrincipal;
import fr.vigie.snapshot.Group;
import fr.vigie.snapshot.Trust;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Converts directory entries into snapshot records; the attribute lists each search must request. Stateless. */
final class EntryMappers {
    static final String[] ACCOUNT_ATTRIBUTES = {
        "objectClass", "objectSid", "sAMAccountName", "userAccountControl", "primaryGroupID", "pwdLastSet",
        "lastLogonTimestamp", "whenCreated", "adminCount", "servicePrincipalName", "sIDHistory",
        "msDS-AllowedToDelegateTo", "msDS-AllowedToActOnBehalfOfOtherIdentity", "msDS-SupportedEncryptionTypes",
        "description", "operatingSystem", "operatingSystemVersion", "dNSHostName", "ms-Mcs-AdmPwdExpirationTime",
        "msLAPS-PasswordExpirationTime"
    };
    static final String[] GROUP_ATTRIBUTES = {"objectSid", "sAMAccountName", "groupType", "member"};
    static final String[] FOREIGN_PRINCIPAL_ATTRIBUTES = {"objectSid"};
    static final String[] TRUST_ATTRIBUTES = {
        "trustPartner", "flatName", "securityIdentifier", "trustDirection", "trustType", "trustAttributes",
        "whenCreated", "whenChanged"
    };

    private EntryMappers() {}

    static Account account(Entry e) {
        Set<String> classes = Attrs.strings(e, "objectClass").stream().map(c -> c.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        AccountKind kind = classes.contains("msds-groupmanagedserviceaccount") ? AccountKind.GROUP_MANAGED_SERVICE_ACCOUNT
                : classes.contains("msds-managedserviceaccount") ? AccountKind.MANAGED_SERVICE_ACCOUNT
                : classes.contains("computer") ? AccountKind.COMPUTER
                : AccountKind.USER;
        Optional<ComputerInfo> computer = kind != AccountKind.COMPUTER ? Optional.empty()
                : Optional.of(new ComputerInfo(Attrs.string(e, "operatingSystem"),
                        Attrs.string(e, "operatingSystemVersion"), Attrs.string(e, "dNSHostName"),
                        Attrs.has(e, "ms-Mcs-AdmPwdExpirationTime") || Attrs.has(e, "msLAPS-PasswordExpirationTime")));
        return new Account(
                e.getDN(),
                Attrs.sid(e, "objectSid").orElse(""),
                Attrs.string(e, "sAMAccountName").orElse(""),
                kind,
                Attrs.int32(e, "userAccountControl", 0),
                Attrs.int32(e, "primaryGroupID", 0),
                Attrs.fileTime(e, "pwdLastSet"),
                Attrs.fileTime(e, "lastLogonTimestamp"),
                Attrs.generalizedTime(e, "whenCreated"),
                Attrs.int32(e, "adminCount", 0),
                Attrs.strings(e, "servicePrincipalName"),
                Attrs.sids(e, "sIDHistory"),
                Attrs.strings(e, "msDS-AllowedToDelegateTo"),
                Attrs.allowedSids(e, "msDS-AllowedToActOnBehalfOfOtherIdentity"),
                Attrs.int32(e, "msDS-SupportedEncryptionTypes"),
                Attrs.string(e, "description"),
                computer);
    }

    static Group group(Entry e) {
        return new Group(e.getDN(), Attrs.sid(e, "objectSid").orElse(""), Attrs.string(e, "sAMAccountName").orElse(""),
                Attrs.int32(e, "groupType", 0), Attrs.strings(e, "member"));
    }

    /** The SID is {@code objectSid}, or the CN (CN=S-1-5-11,...) when objectSid is not readable. */
    static ForeignPrincipal foreignPrincipal(Entry e) {
        Optional<String> sid = Attrs.sid(e, "objectSid");
        if (sid.isPresent()) {
            return new ForeignPrincipal(e.getDN(), sid.get());
        }
        String cn = firstRdnValue(e.getDN());
        if (!cn.startsWith("S-")) {
            throw new MalformedValueException("objectSid: absent and the CN '" + cn + "' is not a SID");
        }
        return new ForeignPrincipal(e.getDN(), cn);
    }

    static Trust trust(Entry e) {
        return new Trust(e.getDN(), Attrs.string(e, "trustPartner").orElse(""), Attrs.string(e, "flatName"),
                Attrs.sid(e, "securityIdentifier"), Attrs.int32(e, "trustDirection", 0), Attrs.int32(e, "trustType", 0),
                Attrs.int32(e, "trustAttributes", 0), Attrs.generalizedTime(e, "whenCreated"),
                Attrs.generalizedTime(e, "whenChanged"));
    }

    static String firstRdnValue(String dn) {
        try {
            RDN rdn = new DN(dn).getRDN();
            if (rdn == null) {
                throw new MalformedValueException("DN '" + dn + "' has no RDN");
            }
            return rdn.getAttributeValues()[0];
        } catch (LDAPException ex) {
            throw new MalformedValueException("'" + dn + "' is not a DN: " + ex.getMessage(), ex);
        }
    }

    /** DC=ch-exemple,DC=local -&gt; ch-exemple.local (the DC components in order). */
    static String dnsNameOf(String dn) {
        try {
            StringBuilder out = new StringBuilder();
            for (RDN rdn : new DN(dn).getRDNs()) {
                String[] names = rdn.getAttributeNames();
                if (names.length == 1 && names[0].equalsIgnoreCase("DC")) {
                    if (out.length() > 0) {
                        out.append('.');
                    }
                    out.append(rdn.getAttributeValues()[0].toLowerCase(Locale.ROOT));
                }
            }
            return out.toString();
        } catch (LDAPException ex) {
            return "";
        }
    }
}
