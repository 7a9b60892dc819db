package fr.vigie.agent.demo;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import fr.vigie.agent.demo.encode.AdTimes;
import fr.vigie.agent.demo.encode.SidEncoder;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/**
 * One directory object being built with AD's encodings (binary SIDs, FILETIME integers, GeneralizedTime), before
 * it goes into the directory. {@code whenChanged} follows the latest time written through this builder. Mutable and
 * not thread-safe: build, then {@link #toEntry()} once.
 */
public final class AdObject {
    private final Entry entry;
    private Instant changed;

    AdObject(String dn, Instant created) {
        this.entry = new Entry(Objects.requireNonNull(dn, "dn"));
        this.changed = Objects.requireNonNull(created, "created");
        entry.addAttribute("distinguishedName", dn);
        entry.addAttribute("whenCreated", AdTimes.generalizedTime(created));
    }

    public String dn() {
        return entry.getDN();
    }

    /** Replaces the values of a string attribute. */
    public AdObject set(String attribute, String... values) {
        entry.setAttribute(attribute, values);
        return this;
    }

    /** Replaces the values of a string attribute; an empty collection removes it. */
    public AdObject set(String attribute, Collection<String> values) {
        if (values.isEmpty()) {
            entry.removeAttribute(attribute);
        } else {
            entry.setAttribute(new Attribute(attribute, values));
        }
        return this;
    }

    /** Adds values to a string attribute. */
    public AdObject add(String attribute, String... values) {
        entry.addAttribute(attribute, values);
        return this;
    }

    public AdObject set(String attribute, long value) {
        return set(attribute, Long.toString(value));
    }

    /** Replaces the values of a binary attribute. */
    public AdObject binary(String attribute, byte[]... values) {
        entry.setAttribute(new Attribute(attribute, values));
        return this;
    }

    /** A SID-syntax attribute ({@code objectSid}, {@code sIDHistory}, {@code securityIdentifier}), binary. */
    public AdObject sids(String attribute, String... sids) {
        byte[][] values = new byte[sids.length][];
        for (int i = 0; i < sids.length; i++) {
            values[i] = SidEncoder.encode(sids[i]);
        }
        return binary(attribute, values);
    }

    /** A FILETIME attribute; also moves whenChanged forward. */
    public AdObject fileTime(String attribute, Instant at) {
        touch(at);
        return set(attribute, AdTimes.fileTimeText(at));
    }

    /** A GeneralizedTime attribute. */
    public AdObject generalizedTime(String attribute, Instant at) {
        touch(at);
        return set(attribute, AdTimes.generalizedTime(at));
    }

    public AdObject remove(String attribute) {
        entry.removeAttribute(attribute);
        return this;
    }

    public AdObject uac(int userAccountControl) {
        return set("userAccountControl", userAccountControl);
    }

    /** The current userAccountControl (0 when unset). */
    public int uac() {
        String v = entry.getAttributeValue("userAccountControl");
        return v == null ? 0 : Integer.parseInt(v);
    }

    /** Sets flags in userAccountControl. */
    public AdObject withUacFlags(int flags) {
        return uac(uac() | flags);
    }

    /** Clears flags in userAccountControl. */
    public AdObject withoutUacFlags(int flags) {
        return uac(uac() & ~flags);
    }

    public AdObject primaryGroup(int rid) {
        return set("primaryGroupID", rid);
    }

    public AdObject pwdLastSet(Instant at) {
        return fileTime("pwdLastSet", at);
    }

    /** Sets both {@code lastLogon} (this DC) and {@code lastLogonTimestamp} (replicated). */
    public AdObject lastLogon(Instant at) {
        fileTime("lastLogon", at);
        return fileTime("lastLogonTimestamp", at);
    }

    public AdObject spns(String... spns) {
        return set("servicePrincipalName", spns);
    }

    public AdObject description(String text) {
        return set("description", text);
    }

    public AdObject adminCount() {
        return set("adminCount", 1);
    }

    /** Sets the {@code member} attribute (DNs of direct members); an empty list removes it. */
    public AdObject members(Collection<String> dns) {
        return set("member", dns);
    }

    /** Moves whenChanged forward to {@code at} when it is later. */
    public AdObject touch(Instant at) {
        if (at.isAfter(changed)) {
            changed = at;
        }
        return this;
    }

    /** The entry, with whenChanged set. */
    public Entry toEntry() {
        entry.setAttribute("whenChanged", AdTimes.generalizedTime(changed));
        return entry;
    }
}
