package fr.vigie.agent.demo;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedDeleteRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyDNRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import fr.vigie.agent.demo.encode.AdTimes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes UnboundID's in-memory server answer searches the way an AD domain controller does, where it matters to a
 * client:
 * <ul>
 * <li><b>Naming contexts</b>: a subtree search stays inside the naming context of its base (the configuration,
 * schema and DNS partitions, stored under the domain DN, are not returned by a search of the domain); the child
 * naming contexts are sent as continuation references at the end, as AD does.</li>
 * <li><b>Paging</b>: paged searches keep a server-side cursor, as AD does, and the cookie is opaque; each page costs
 * its own size (the in-memory server's own paging re-reads every result for every page, which makes large
 * directories quadratic). Pages are at most MaxPageSize (1000).</li>
 * <li><b>MaxPageSize</b> (1000): a search without the paged-results control returns at most that many entries
 * and ends with sizeLimitExceeded (LDAP 4).</li>
 * <li><b>MaxValRange</b> (1500): an attribute with more values comes back as {@code member;range=0-1499} without
 * a plain {@code member}; {@code member;range=1500-*} returns the next slice, the last one named
 * {@code member;range=N-*}.</li>
 * <li>The RootDSE's {@code currentTime} is the time of the request.</li>
 * <li><b>Anonymous access</b>: the RootDSE can be read without binding; any other search on a connection that has
 * not completed a simple bind fails with operationsError and AD's message (000004DC).</li>
 * <li>The directory is <b>read-only</b> for clients: every add, modify, delete and rename is refused
 * (unwillingToPerform). Loading goes through the server's own methods, which are not intercepted.</li>
 * </ul>
 * Thread-safe: per-operation state lives in the operation's properties, cursors and bound connections in
 * concurrent maps. Call {@link #attach} once the server exists.
 */
public final class AdBehaviourInterceptor extends InMemoryOperationInterceptor {
    public static final int AD_MAX_PAGE_SIZE = 1000;
    public static final int AD_MAX_VAL_RANGE = 1500;
    /** Cursors not read for this long are dropped (AD drops idle paged searches too). */
    static final long CURSOR_IDLE_MILLIS = 15 * 60 * 1000L;
    private static final String STATE = AdBehaviourInterceptor.class.getName();
    private static final Filter NOTHING = Filter.createNOTFilter(Filter.createPresenceFilter("objectClass"));

    private final List<DN> namingContexts;
    private final String referralHost;
    private final int maxPageSize;
    private final int maxValRange;
    private final Clock clock;
    /** Connections whose last simple bind succeeded with a non-empty DN. */
    private final Set<Long> authenticated = ConcurrentHashMap.newKeySet();
    private final Map<Long, Cursor> cursors = new ConcurrentHashMap<>();
    private final AtomicLong nextCursor = new AtomicLong(1);
    private volatile InMemoryDirectoryServer directory;

    /**
     * @param namingContexts DNs of the naming contexts the server holds
     * @param referralHost   host name put in continuation references (the domain's DNS name)
     * @param clock          for the RootDSE's currentTime
     */
    public AdBehaviourInterceptor(List<String> namingContexts, String referralHost, Clock clock) {
        this(namingContexts, referralHost, clock, AD_MAX_PAGE_SIZE, AD_MAX_VAL_RANGE);
    }

    AdBehaviourInterceptor(List<String> namingContexts, String referralHost, Clock clock, int maxPageSize,
            int maxValRange) {
        List<DN> ncs = new ArrayList<>();
        for (String nc : namingContexts) {
            try {
                ncs.add(new DN(nc));
            } catch (LDAPException e) {
                throw new IllegalArgumentException("'" + nc + "' is not a DN", e);
            }
        }
        // deepest first, so that the first ancestor found is the entry's own naming context
        ncs.sort(Comparator.comparingInt((DN d) -> d.getRDNs().length).reversed());
        this.namingContexts = List.copyOf(ncs);
        this.referralHost = referralHost;
        this.clock = clock;
        this.maxPageSize = maxPageSize;
        this.maxValRange = maxValRange;
    }

    /** The server this interceptor works for: paged searches read it directly. */
    public void attach(InMemoryDirectoryServer server) {
        this.directory = server;
    }

    /** Number of open paged-search cursors (tests). */
    int openCursors() {
        return cursors.size();
    }

    private static final class State {
        boolean paged;
        boolean selfPaged;
        ASN1OctetString nextCookie;
        int returned;
        boolean exceeded;
        DN baseNc;
        boolean rootDse;
        final Map<String, int[]> ranges = new HashMap<>();
    }

    /** A paged search in progress: the DNs it matched, where the client is. */
    private static final class Cursor {
        final long connectionId;
        final String query;
        final List<String> dns;
        volatile int position;
        volatile long touched;

        Cursor(long connectionId, String query, List<String> dns, long now) {
            this.connectionId = connectionId;
            this.query = query;
            this.dns = dns;
            this.touched = now;
        }
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
        SearchRequest r = request.getRequest().duplicate();
        State state = new State();
        DN base = r.getParsedBaseDN();
        state.rootDse = base.isNullDN() && r.getScope() == SearchScope.BASE;
        if (!state.rootDse && !authenticated.contains(request.getConnectionID())) {
            throw new LDAPException(ResultCode.OPERATIONS_ERROR, "000004DC: LdapErr: DSID-0C090A5C, comment: In "
                    + "order to perform this operation a successful bind must be completed on the connection., "
                    + "data 0, v4563");
        }
        state.baseNc = state.rootDse ? null : namingContextOf(base);
        r.setAttributes(rangesRemoved(r.getAttributes(), state));
        SimplePagedResultsControl paged = null;
        List<Control> controls = new ArrayList<>();
        for (Control c : r.getControls()) {
            if (c.getOID().equals(SimplePagedResultsControl.PAGED_RESULTS_OID)) {
                paged = new SimplePagedResultsControl(c.getOID(), c.isCritical(), c.getValue());
            } else {
                controls.add(c);
            }
        }
        state.paged = paged != null;
        request.setProperty(STATE, state);
        InMemoryDirectoryServer server = directory;
        if (paged != null && server != null && r.getScope() != SearchScope.BASE) {
            int size = paged.getSize() <= 0 ? maxPageSize : Math.min(paged.getSize(), maxPageSize);
            sendPage(request, server, r, size, paged.getCookie(), state);
            // the server itself only has to answer an empty search
            SearchRequest empty = new SearchRequest(r.getBaseDN(), SearchScope.BASE, NOTHING, "1.1");
            empty.setControls(controls);
            request.setRequest(empty);
            return;
        }
        if (paged != null) {
            int size = paged.getSize() <= 0 ? maxPageSize : Math.min(paged.getSize(), maxPageSize);
            controls.add(new SimplePagedResultsControl(size, paged.getCookie(), paged.isCritical()));
        }
        r.setControls(controls);
        request.setRequest(r);
    }

    private static String[] rangesRemoved(String[] requested, State state) throws LDAPException {
        List<String> attributes = new ArrayList<>();
        for (String a : requested) {
            int at = a.toLowerCase(Locale.ROOT).indexOf(";range=");
            if (at < 0) {
                attributes.add(a);
                continue;
            }
            String name = a.substring(0, at);
            String[] bounds = a.substring(at + 7).split("-", 2);
            try {
                int low = Integer.parseInt(bounds[0]);
                int high = bounds.length < 2 || bounds[1].equals("*") ? -1 : Integer.parseInt(bounds[1]);
                if (low < 0 || (high >= 0 && high < low)) {
                    throw new NumberFormatException();
                }
                state.ranges.put(name.toLowerCase(Locale.ROOT), new int[] {low, high});
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new LDAPException(ResultCode.OPERATIONS_ERROR, "malformed range option in '" + a + "'");
            }
            attributes.add(name);
        }
        return attributes.toArray(String[]::new);
    }

    /** Sends one page from the cursor of this search (made on the first page), and sets the next cookie. */
    private void sendPage(InMemoryInterceptedSearchRequest request, InMemoryDirectoryServer server,
            SearchRequest r, int size, ASN1OctetString cookie, State state) throws LDAPException {
        long now = System.currentTimeMillis();
        cursors.values().removeIf(c -> now - c.touched > CURSOR_IDLE_MILLIS);
        String query = r.getBaseDN() + "|" + r.getScope() + "|" + r.getFilter();
        long id;
        Cursor cursor;
        if (cookie == null || cookie.getValueLength() == 0) {
            SearchResult all = server.search(new SearchRequest(r.getBaseDN(), r.getScope(), r.getFilter(), "1.1"));
            List<String> dns = new ArrayList<>(all.getEntryCount());
            for (SearchResultEntry e : all.getSearchEntries()) {
                if (state.baseNc == null || state.baseNc.equals(namingContextOf(e.getParsedDN()))) {
                    dns.add(e.getDN());
                }
            }
            id = nextCursor.getAndIncrement();
            cursor = new Cursor(request.getConnectionID(), query, dns, now);
            cursors.put(id, cursor);
        } else {
            String text = cookie.stringValue();
            cursor = null;
            id = -1;
            try {
                id = Long.parseLong(text);
                cursor = cursors.get(id);
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
            if (cursor == null || cursor.connectionId != request.getConnectionID() || !cursor.query.equals(query)) {
                throw new LDAPException(ResultCode.UNWILLING_TO_PERFORM, "00002040: SvcErr: DSID-03140594, problem "
                        + "5003 (WILL_NOT_PERFORM): the paged results cookie is not valid for this search");
            }
            cursor.touched = now;
        }
        state.selfPaged = true;
        String[] attributes = r.getAttributes();
        int end = Math.min(cursor.dns.size(), cursor.position + size);
        for (int i = cursor.position; i < end; i++) {
            SearchResultEntry e = server.getEntry(cursor.dns.get(i), attributes);
            if (e != null) {
                Entry out = withRanges(e, state);
                request.sendSearchEntry(out);
            }
        }
        cursor.position = end;
        if (end >= cursor.dns.size()) {
            cursors.remove(id);
            state.nextCookie = new ASN1OctetString();
        } else {
            state.nextCookie = new ASN1OctetString(Long.toString(id).getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Override
    public void processSearchEntry(InMemoryInterceptedSearchEntry entry) {
        State state = (State) entry.getProperty(STATE);
        if (state == null || state.selfPaged) {
            return;
        }
        Entry original = entry.getSearchEntry();
        if (state.rootDse) {
            if (original.hasAttribute("currentTime")) {
                Entry copy = original.duplicate();
                copy.setAttribute("currentTime", AdTimes.generalizedTime(clock.instant()));
                entry.setSearchEntry(copy);
            }
            return;
        }
        try {
            if (state.baseNc != null && !state.baseNc.equals(namingContextOf(original.getParsedDN()))) {
                entry.setSearchEntry(null);
                return;
            }
        } catch (LDAPException e) {
            return;
        }
        state.returned++;
        if (!state.paged && state.returned > maxPageSize) {
            state.exceeded = true;
            entry.setSearchEntry(null);
            return;
        }
        Entry out = withRanges(original, state);
        if (out != original) {
            entry.setSearchEntry(out);
        }
    }

    /** The entry with attributes of more than MaxValRange values (or asked with a range) cut into their range. */
    private Entry withRanges(Entry original, State state) {
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
            if (low >= values.length) {
                changed = true;
                continue;
            }
            int end = low + maxValRange - 1;
            if (wanted != null && wanted[1] >= 0) {
                end = Math.min(end, wanted[1]);
            }
            end = Math.min(end, values.length - 1);
            boolean last = end >= values.length - 1;
            out.add(new Attribute(a.getBaseName() + ";range=" + low + "-" + (last ? "*" : Integer.toString(end)),
                    Arrays.copyOfRange(values, low, end + 1)));
            changed = true;
        }
        return changed ? new Entry(original.getDN(), out) : original;
    }

    @Override
    public void processSearchResult(InMemoryInterceptedSearchResult result) {
        State state = (State) result.getProperty(STATE);
        if (state == null) {
            return;
        }
        LDAPResult r = result.getResult();
        if (state.exceeded) {
            result.setResult(new LDAPResult(r.getMessageID(), ResultCode.SIZE_LIMIT_EXCEEDED, "Size limit exceeded",
                    null, null, r.getResponseControls()));
            return;
        }
        if (r.getResultCode() != ResultCode.SUCCESS) {
            return;
        }
        boolean lastPage;
        if (state.selfPaged) {
            List<Control> controls = new ArrayList<>(List.of(r.getResponseControls()));
            controls.add(new SimplePagedResultsControl(0, state.nextCookie, false));
            result.setResult(new LDAPResult(r.getMessageID(), r.getResultCode(), r.getDiagnosticMessage(),
                    r.getMatchedDN(), r.getReferralURLs(), controls.toArray(Control[]::new)));
            lastPage = state.nextCookie.getValueLength() == 0;
        } else {
            lastPage = lastPage(r);
        }
        SearchRequest request = result.getRequest().duplicate();
        boolean subtree = state.selfPaged || request.getScope() == SearchScope.SUB;
        if (state.baseNc == null || !subtree || !lastPage) {
            return;
        }
        try {
            DN base = request.getParsedBaseDN();
            for (DN nc : namingContexts) {
                if (!nc.equals(state.baseNc) && nc.isDescendantOf(base, false)
                        && state.baseNc.equals(namingContextOf(nc.getParent()))) {
                    result.sendSearchReference(new SearchResultReference(r.getMessageID(),
                            new String[] {"ldap://" + referralHost + "/" + nc}, null));
                }
            }
        } catch (LDAPException e) {
            // no reference is better than a broken search
        }
    }

    private static boolean lastPage(LDAPResult r) {
        Control c = r.getResponseControl(SimplePagedResultsControl.PAGED_RESULTS_OID);
        if (c == null) {
            return true;
        }
        try {
            SimplePagedResultsControl paged = new SimplePagedResultsControl(c.getOID(), c.isCritical(), c.getValue());
            return paged.getCookie() == null || paged.getCookie().getValueLength() == 0;
        } catch (LDAPException e) {
            return true;
        }
    }

    /** The deepest naming context holding the DN, or null when none does. */
    DN namingContextOf(DN dn) {
        for (DN nc : namingContexts) {
            if (dn.isDescendantOf(nc, true)) {
                return nc;
            }
        }
        return null;
    }

    @Override
    public void processSimpleBindResult(InMemoryInterceptedSimpleBindResult result) {
        boolean named = !result.getRequest().getBindDN().isEmpty();
        if (named && result.getResult().getResultCode() == ResultCode.SUCCESS) {
            authenticated.add(result.getConnectionID());
        } else {
            authenticated.remove(result.getConnectionID());
        }
    }

    private static LDAPException readOnly() {
        return new LDAPException(ResultCode.UNWILLING_TO_PERFORM, "this demonstration directory is read-only");
    }

    @Override
    public void processAddRequest(InMemoryInterceptedAddRequest request) throws LDAPException {
        throw readOnly();
    }

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
        throw readOnly();
    }

    @Override
    public void processDeleteRequest(InMemoryInterceptedDeleteRequest request) throws LDAPException {
        throw readOnly();
    }

    @Override
    public void processModifyDNRequest(InMemoryInterceptedModifyDNRequest request) throws LDAPException {
        throw readOnly();
    }
}
