package fr.vigie.agent.collect.ldap.adlike;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import fr.vigie.agent.collect.ldap.codec.AdTime;
import fr.vigie.agent.collect.ldap.codec.Sid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds entries shaped like Active Directory's (binary objectSid, FILETIME integers, GeneralizedTime, AD object
 * classes) for UnboundID's in-memory server run without schema. Mutable builder, not thread-safe.
 *
 * <pre>{@code
 * Entry alice = AdObject.user("alice", 1105).uac(0x10200).pwdLastSet(t).spn("HTTP/web").toEntry();
 * }</pre>
 */
public final class AdObject {
    private final String rdn;
    private String parent;
    private final Map<String, List<byte[]>> attributes = new LinkedHashMap<>();

    private AdObject(String rdn, String parent) {
        this.rdn = rdn;
        this.parent = parent;
    }

    /** Any object: {@code AdObject.of("CN=x", parentDn, "top", "container")}. */
    public static AdObject of(String rdn, String parent, String... objectClasses) {
        return new AdObject(rdn, parent).set("objectClass", objectClasses);
    }

    /** An enabled user of CN=Users with the domain SID + rid and UAC NORMAL_ACCOUNT. */
    public static AdObject user(String name, long rid) {
        return of("CN=" + name, "CN=Users," + AdLikeDirectory.DOMAIN_DN, "top", "person", "organizationalPerson", "user")
                .set("sAMAccountName", name).rid(rid).set("userAccountControl", "512").set("primaryGroupID", "513")
                .created(Instant.parse("2020-01-01T00:00:00Z"));
    }

    /** A joined workstation of CN=Computers (UAC WORKSTATION_TRUST_ACCOUNT, primary group 515). */
    public static AdObject computer(String name, long rid) {
        return of("CN=" + name, "CN=Computers," + AdLikeDirectory.DOMAIN_DN, "top", "person", "organizationalPerson",
                "user", "computer").set("sAMAccountName", name + "$").rid(rid).set("userAccountControl", "4096")
                .set("primaryGroupID", "515").set("dNSHostName", name.toLowerCase(java.util.Locale.ROOT) + ".example.test")
                .created(Instant.parse("2020-01-01T00:00:00Z"));
    }

    /** A group-managed service account (derives from computer in AD). */
    public static AdObject gmsa(String name, long rid) {
        return of("CN=" + name, "CN=Managed Service Accounts," + AdLikeDirectory.DOMAIN_DN, "top", "person",
                "organizationalPerson", "user", "computer", "msDS-GroupManagedServiceAccount")
                .set("sAMAccountName", name + "$").rid(rid).set("userAccountControl", "4096").set("primaryGroupID", "515");
    }

    /** A global security group of CN=Users (groupType -2147483646). */
    public static AdObject group(String name, long rid) {
        return of("CN=" + name, "CN=Users," + AdLikeDirectory.DOMAIN_DN, "top", "group").set("sAMAccountName", name)
                .rid(rid).set("groupType", "-2147483646");
    }

    /** A foreignSecurityPrincipal for {@code sid}. */
    public static AdObject foreignPrincipal(String sid) {
        return of("CN=" + sid, "CN=ForeignSecurityPrincipals," + AdLikeDirectory.DOMAIN_DN, "top",
                "foreignSecurityPrincipal").sid(sid);
    }

    /** A trustedDomain of CN=System. */
    public static AdObject trust(String partner, String flatName, String sid, int direction, int type, int attributes) {
        return of("CN=" + partner, "CN=System," + AdLikeDirectory.DOMAIN_DN, "top", "leaf", "trustedDomain")
                .set("trustPartner", partner).set("flatName", flatName).bytes("securityIdentifier", Sid.toBytes(sid))
                .set("trustDirection", Integer.toString(direction)).set("trustType", Integer.toString(type))
                .set("trustAttributes", Integer.toString(attributes));
    }

    public AdObject in(String parentDn) {
        this.parent = parentDn;
        return this;
    }

    public AdObject set(String attribute, String... values) {
        List<byte[]> v = new ArrayList<>();
        for (String s : values) {
            v.add(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        attributes.put(attribute, v);
        return this;
    }

    public AdObject bytes(String attribute, byte[]... values) {
        attributes.put(attribute, new ArrayList<>(Arrays.asList(values)));
        return this;
    }

    public AdObject remove(String attribute) {
        attributes.remove(attribute);
        return this;
    }

    /** objectSid = the test domain's SID + rid. */
    public AdObject rid(long rid) {
        return sid(AdLikeDirectory.DOMAIN_SID + "-" + rid);
    }

    public AdObject sid(String sid) {
        return bytes("objectSid", Sid.toBytes(sid));
    }

    public AdObject uac(int flags) {
        return set("userAccountControl", Integer.toString(flags));
    }

    public AdObject pwdLastSet(Instant t) {
        return set("pwdLastSet", Long.toString(AdTime.toFileTime(t)));
    }

    public AdObject lastLogonTimestamp(Instant t) {
        return set("lastLogonTimestamp", Long.toString(AdTime.toFileTime(t)));
    }

    public AdObject created(Instant t) {
        return set("whenCreated", AdTime.toGeneralizedTime(t));
    }

    public AdObject changed(Instant t) {
        return set("whenChanged", AdTime.toGeneralizedTime(t));
    }

    public AdObject spn(String... spns) {
        return set("servicePrincipalName", spns);
    }

    public AdObject sidHistory(String... sids) {
        byte[][] v = new byte[sids.length][];
        for (int i = 0; i < sids.length; i++) {
            v[i] = Sid.toBytes(sids[i]);
        }
        return bytes("sIDHistory", v);
    }

    /** msDS-AllowedToActOnBehalfOfOtherIdentity granting these SIDs (resource-based constrained delegation). */
    public AdObject rbcd(String... sids) {
        return bytes("msDS-AllowedToActOnBehalfOfOtherIdentity", SecurityDescriptors.allowing(sids));
    }

    public AdObject members(List<String> dns) {
        return set("member", dns.toArray(new String[0]));
    }

    public String dn() {
        return rdn + "," + parent;
    }

    public Entry toEntry() {
        List<Attribute> attrs = new ArrayList<>();
        for (Map.Entry<String, List<byte[]>> a : attributes.entrySet()) {
            attrs.add(new Attribute(a.getKey(), a.getValue().toArray(new byte[0][])));
        }
        return new Entry(dn(), attrs);
    }
}
