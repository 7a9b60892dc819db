package fr.vigie.agent.collect.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DereferencePolicy;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * AD's incremental retrieval of multi-valued attributes (MS-ADTS 3.1.1.3.1.3.3): past MaxValRange (1500) values,
 * the DC returns {@code member;range=0-1499} instead of {@code member}; the client asks for
 * {@code member;range=1500-*} on the same entry, and so on, until the returned range ends with {@code *}.
 * Stateless.
 */
final class RangeRetrieval {
    /** More rounds than this on one attribute means the DC is not making progress. */
    private static final int MAX_ROUNDS = 100_000;

    private RangeRetrieval() {}

    /** A parsed {@code range=low-high} option; {@code high == -1} stands for {@code *} (last range). */
    record Range(int low, int high) {
        boolean last() {
            return high < 0;
        }

        /** @throws IllegalArgumentException when the option is not {@code range=<int>-<int or *>} */
        static Range parse(String option) {
            String o = option.toLowerCase(Locale.ROOT);
            if (!o.startsWith("range=")) {
                throw new IllegalArgumentException("not a range option: " + option);
            }
            String[] parts = o.substring(6).split("-", 2);
            try {
                int low = Integer.parseInt(parts[0]);
                int high = parts[1].equals("*") ? -1 : Integer.parseInt(parts[1]);
                return new Range(low, high);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a range option: " + option, e);
            }
        }
    }

    static boolean hasRangedAttribute(Entry entry) {
        for (Attribute a : entry.getAttributes()) {
            if (rangeOption(a) != null) {
                return true;
            }
        }
        return false;
    }

    /** A copy of the entry where every ranged attribute holds all its values under its plain name. */
    static Entry complete(StepContext ctx, Entry entry) throws StepFailure {
        Entry out = new Entry(entry.getDN());
        List<Attribute> ranged = new ArrayList<>();
        for (Attribute a : entry.getAttributes()) {
            if (rangeOption(a) == null) {
                out.addAttribute(a);
            } else {
                ranged.add(a);
            }
        }
        for (Attribute a : ranged) {
            out.addAttribute(new Attribute(a.getBaseName(), allValues(ctx, entry.getDN(), a)));
        }
        return out;
    }

    private static List<String> allValues(StepContext ctx, String dn, Attribute first) throws StepFailure {
        String name = first.getBaseName();
        List<String> values = new ArrayList<>(List.of(first.getValues()));
        Range range = parse(dn, first);
        int rounds = 0;
        while (!range.last()) {
            int next = range.high() + 1;
            if (++rounds > MAX_ROUNDS || next <= range.low()) {
                throw StepFailure.of("range retrieval of " + name + " on " + dn + " made no progress at value " + next
                        + " — report this DC's behaviour");
            }
            String wanted = name + ";range=" + next + "-*";
            SearchRequest request = new SearchRequest(dn, SearchScope.BASE, DereferencePolicy.NEVER, 0, 0, false,
                    Filter.createPresenceFilter("objectClass"), wanted);
            SearchResult result;
            try {
                result = ctx.connection().search(request);
            } catch (LDAPSearchException e) {
                throw Searches.failure(ctx, dn + " (" + wanted + ")", e);
            }
            Attribute part = result.getEntryCount() == 0 ? null : rangedAttribute(result.getSearchEntries().get(0), name);
            if (part == null) {
                throw StepFailure.of("range retrieval of " + name + " on " + dn + " stopped at value " + next
                        + ": the DC returned no " + name + ";range=... attribute — the group changed during the "
                        + "read or the DC does not support ranges; rerun");
            }
            Range got = parse(dn, part);
            if (got.low() != next) {
                throw StepFailure.of("range retrieval of " + name + " on " + dn + ": asked for values from " + next
                        + " but the DC returned range " + got.low() + "-" + (got.last() ? "*" : got.high())
                        + " — rerun");
            }
            values.addAll(List.of(part.getValues()));
            range = got;
        }
        return values;
    }

    private static Attribute rangedAttribute(Entry entry, String baseName) {
        for (Attribute a : entry.getAttributes()) {
            if (a.getBaseName().equalsIgnoreCase(baseName) && rangeOption(a) != null) {
                return a;
            }
        }
        return null;
    }

    private static Range parse(String dn, Attribute a) throws StepFailure {
        try {
            return Range.parse(rangeOption(a));
        } catch (IllegalArgumentException e) {
            throw StepFailure.of("the DC returned attribute " + a.getName() + " on " + dn
                    + " with a range Vigie cannot read — report it");
        }
    }

    private static String rangeOption(Attribute a) {
        for (String option : a.getOptions()) {
            if (option.toLowerCase(Locale.ROOT).startsWith("range=")) {
                return option;
            }
        }
        return null;
    }
}
