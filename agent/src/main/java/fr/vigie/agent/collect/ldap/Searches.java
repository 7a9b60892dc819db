package fr.vigie.agent.collect.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.DereferencePolicy;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultListener;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import fr.vigie.agent.collect.ldap.StepContext.EntryHandler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The searches of a step. Subtree/one-level searches are paged ({@link #PAGE_SIZE} per page, under AD's MaxPageSize
 * of 1000) and stream: each entry is converted as it arrives and not kept, except the rare entry that carries a
 * ranged attribute ({@code member;range=0-1499}), which is completed by range retrieval after its page. Referrals
 * are not followed; continuation references are counted and ignored. Every failure becomes a {@link StepFailure}
 * with an actionable message. Stateless.
 */
final class Searches {
    static final int PAGE_SIZE = 500;

    private Searches() {}

    /** Runs a paged search, handing every entry to {@code handler} through {@code ctx}. */
    static void paged(StepContext ctx, String base, SearchScope scope, Filter filter, EntryHandler handler,
            String... attributes) throws StepFailure {
        LDAPConnection connection = ctx.connection();
        ASN1OctetString cookie = null;
        do {
            List<Entry> ranged = new ArrayList<>();
            SearchResultListener listener = new StreamingListener(ctx, handler, ranged);
            SearchRequest request = new SearchRequest(listener, base, scope, DereferencePolicy.NEVER, 0, 0, false,
                    filter, attributes);
            request.setControls(new SimplePagedResultsControl(PAGE_SIZE, cookie, false));
            SearchResult result;
            try {
                result = connection.search(request);
            } catch (LDAPSearchException e) {
                throw failure(ctx, base, e);
            }
            for (Entry entry : ranged) {
                ctx.accept(handler, RangeRetrieval.complete(ctx, entry));
            }
            try {
                SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
                cookie = response == null ? null : response.getCookie();
            } catch (LDAPException e) {
                throw new StepFailure("the DC sent an unreadable paged-results cookie while reading " + base + " ("
                        + e.getMessage() + ") — rerun; report it if it recurs", e.getResultCode(), false, e);
            }
        } while (cookie != null && cookie.getValueLength() > 0);
    }

    /**
     * Reads one entry (base search), completing ranged attributes.
     *
     * @return empty when the entry does not exist (noSuchObject)
     */
    static Optional<Entry> base(StepContext ctx, String dn, String... attributes) throws StepFailure {
        SearchRequest request = new SearchRequest(dn, SearchScope.BASE, DereferencePolicy.NEVER, 0, 0, false,
                Filter.createPresenceFilter("objectClass"), attributes);
        SearchResult result;
        try {
            result = ctx.connection().search(request);
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return Optional.empty();
            }
            throw failure(ctx, dn, e);
        }
        if (result.getEntryCount() == 0) {
            return Optional.empty();
        }
        SearchResultEntry entry = result.getSearchEntries().get(0);
        return Optional.of(RangeRetrieval.hasRangedAttribute(entry) ? RangeRetrieval.complete(ctx, entry) : entry);
    }

    /** The message for a search that ended with an error result. */
    static StepFailure failure(StepContext ctx, String base, LDAPException e) {
        ResultCode rc = e.getResultCode();
        String read = ctx.objects() + " object(s) read";
        String diag = e.getDiagnosticMessage() == null || e.getDiagnosticMessage().isBlank() ? ""
                : ": " + e.getDiagnosticMessage().trim();
        boolean lost = rc == ResultCode.SERVER_DOWN || rc == ResultCode.CONNECT_ERROR || rc == ResultCode.TIMEOUT
                || rc == ResultCode.DECODING_ERROR || !ctx.connection().isConnected();
        String message;
        if (rc == ResultCode.SIZE_LIMIT_EXCEEDED) {
            message = "the DC stopped the search of " + base + " with sizeLimitExceeded (LDAP 4) after " + read
                    + " — it ignored paging or its MaxPageSize/MaxResultSetSize is too low; the data is incomplete";
        } else if (rc == ResultCode.TIME_LIMIT_EXCEEDED) {
            message = "the DC stopped the search of " + base + " with timeLimitExceeded (LDAP 3) after " + read
                    + " — its MaxQueryDuration was reached: rerun off-peak or raise the LDAP policy";
        } else if (rc == ResultCode.REFERRAL) {
            String[] urls = e instanceof LDAPSearchException se ? se.getReferralURLs() : e.getReferralURLs();
            message = "the DC answered the search of " + base + " with a referral to "
                    + (urls == null || urls.length == 0 ? "another server" : String.join(", ", Arrays.asList(urls)))
                    + ": it does not hold this naming context — point --host at a DC of that domain or fix --base-dn";
        } else if (rc == ResultCode.TIMEOUT) {
            message = "the DC did not answer within " + ctx.responseTimeout().toMillis() + " ms while reading " + base
                    + " (" + read + ") — rerun off-peak or raise the response timeout";
        } else if (lost) {
            // UnboundID's diagnostic here repeats the whole request: the code says enough
            message = "connection to the DC lost while reading " + base + " after " + read + " (" + rc.getName()
                    + ", LDAP " + rc.intValue() + ") — rerun; if it recurs check the network path and the DC's "
                    + "MaxConnIdleTime";
        } else if (rc == ResultCode.INSUFFICIENT_ACCESS_RIGHTS) {
            message = "the audit account may not read " + base + " (insufficientAccessRights, LDAP 50" + diag
                    + ") — grant it read access";
        } else if (rc == ResultCode.NO_SUCH_OBJECT) {
            message = base + " does not exist on this DC (noSuchObject, LDAP 32" + diag + ")";
        } else {
            message = "search of " + base + " failed after " + read + ": " + rc.getName() + " (LDAP " + rc.intValue()
                    + diag + ")";
        }
        return new StepFailure(message, rc, lost, e);
    }

    /** Converts entries as they arrive; only entries with ranged attributes are kept, for after the page. */
    private static final class StreamingListener implements SearchResultListener {
        private static final long serialVersionUID = 1L;
        private final transient StepContext ctx;
        private final transient EntryHandler handler;
        private final transient List<Entry> ranged;

        StreamingListener(StepContext ctx, EntryHandler handler, List<Entry> ranged) {
            this.ctx = ctx;
            this.handler = handler;
            this.ranged = ranged;
        }

        @Override
        public void searchEntryReturned(SearchResultEntry entry) {
            if (RangeRetrieval.hasRangedAttribute(entry)) {
                ranged.add(new Entry(entry.getDN(), entry.getAttributes()));
            } else {
                ctx.accept(handler, entry);
            }
        }

        @Override
        public void searchReferenceReturned(SearchResultReference reference) {
            ctx.referenceIgnored();
        }
    }
}
