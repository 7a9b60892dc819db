package fr.vigie.agent.collect.ldap.adlike;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes UnboundID's in-memory server enforce the two LDAP policy limits of Windows AD that Samba ignores:
 * <ul>
 * <li><b>MaxPageSize</b> (default 1000): a search without the paged-results control returns at most that many
 * entries and then ends with sizeLimitExceeded (LDAP 4); a paged search asking for bigger pages gets pages of that
 * size.</li>
 * <li><b>MaxValRange</b> (default 1500): a multi-valued attribute with more values comes back as
 * {@code member;range=0-1499} (and no plain {@code member}); asking for {@code member;range=1500-*} returns the
 * next slice, {@code member;range=1500-2999}, until the last one, named {@code member;range=N-*}.</li>
 * </ul>
 * Add it after any interceptor that rewrites requests. Thread-safe (state lives in each operation's properties).
 */
public final class AdLimitsInterceptor extends InMemoryOperationInterceptor {
    public static final int AD_MAX_PAGE_SIZE = 1000;
    public static final int AD_MAX_VAL_RANGE = 1500;
    private static final String STATE = AdLimitsInterceptor.class.getName();

    private final int maxPageSize;
    private final int maxValRange;
    private final AtomicInteger sizeLimitHits = new AtomicInteger();
    private final AtomicInteger rangedValuesServed = new AtomicInteger();

    public AdLimitsInterceptor() {
        this(AD_MAX_PAGE_SIZE, AD_MAX_VAL_RANGE);
    }

    public AdLimitsInterceptor(int maxPageSize, int maxValRange) {
        this.maxPageSize = maxPageSize;
        this.maxValRange = maxValRange;
    }

    /** How many searches ended with sizeLimitExceeded. */
    public int sizeLimitHits() {
        return sizeLimitHits.get();
    }

    /** How many attributes were returned as a range instead of whole. */
    public int rangedValuesServed() {
        return rangedValuesServed.get();
    }

    private static final class State {
        boolean paged;
        int returned;
        boolean exceeded;
        final Map<String, int[]> ranges = new HashMap<>();
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
        State state = new State();
        SearchRequest r = request.getRequest().duplicate();
        List<Control> controls = new ArrayList<>();
        for (Control c : r.getControls()) {
            if (c.getOID().equals(SimplePagedResultsControl.PAGED_RESULTS_OID)) {
                state.paged = true;
                SimplePagedResultsControl paged = new SimplePagedResultsControl(c.getOID(), c.isCritical(), c.getValue());
                if (paged.getSize() > maxPageSize || paged.getSize() <= 0) {
                    ASN1OctetString cookie = paged.getCookie();
                    c = new SimplePagedResultsControl(maxPageSize, cookie, c.isCritical());
                }
            }
            controls.add(c);
        }
        r.setControls(controls);
        List<String> attributes = new ArrayList<>();
        for (String a : r.getAttributes()) {
            int semicolon = a.toLowerCase(Locale.ROOT).indexOf(";range=");
            if (semicolon < 0) {
                attributes.add(a);
                continue;
            }
            String base = a.substring(0, semicolon);
            String[] bounds = a.substring(semicolon + 7).split("-", 2);
            int low = Integer.parseInt(bounds[0]);
            int high = bounds.length < 2 || bounds[1].equals("*") ? -1 : Integer.parseInt(bounds[1]);
            state.ranges.put(base.toLowerCase(Locale.ROOT), new int[] {low, high});
            attributes.add(base);
        }
        r.setAttributes(attributes);
        request.setRequest(r);
        request.setProperty(STATE, state);
    }

    @Override
    public void processSearchEntry(InMemoryInterceptedSearchEntry entry) {
        State state = (State) entry.getProperty(STATE);
        if (state == null) {
            return;
        }
        state.returned++;
        if (!state.paged && state.returned > maxPageSize) {
            state.exceeded = true;
            entry.setSearchEntry(null);
            return;
        }
        Entry original = entry.getSearchEntry();
        boolean changed = false;
        List<Attribute> out = new ArrayList<>();
        for (Attribute a : original.getAttributes()) {
            int[] wanted = state.ranges.get(a.getBaseName().toLowerCase(Locale.ROOT));
            ASN1OctetString[] values = a.getRawValues();
            if (a.getBaseName().equalsIgnoreCase("objectClass") || (wanted == null && values.length <= maxValRange)) {
                out.add(a);
                continue;
            }
            int low = wanted == null ? 0 : wanted[0];
            int end = low + maxValRange - 1;
            if (wanted != null && wanted[1] >= 0) {
                end = Math.min(end, wanted[1]);
            }
            end = Math.min(end, values.length - 1);
            boolean last = end >= values.length - 1;
            ASN1OctetString[] slice = low >= values.length ? new ASN1OctetString[0]
                    : Arrays.copyOfRange(values, low, end + 1);
            out.add(new Attribute(a.getBaseName() + ";range=" + low + "-" + (last ? "*" : Integer.toString(end)),
                    slice));
            rangedValuesServed.incrementAndGet();
            changed = true;
        }
        if (changed) {
            entry.setSearchEntry(new Entry(original.getDN(), out));
        }
    }

    @Override
    public void processSearchResult(InMemoryInterceptedSearchResult result) {
        State state = (State) result.getProperty(STATE);
        if (state != null && state.exceeded) {
            sizeLimitHits.incrementAndGet();
            LDAPResult r = result.getResult();
            result.setResult(new LDAPResult(r.getMessageID(), ResultCode.SIZE_LIMIT_EXCEEDED, "Size limit exceeded",
                    null, null, r.getResponseControls()));
        }
    }
}
