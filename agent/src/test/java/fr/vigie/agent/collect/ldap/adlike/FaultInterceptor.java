package fr.vigie.agent.collect.ldap.adlike;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ReadOnlySearchRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Scripted misbehaviour of a DC for tests: drop the connection in the middle of a search, stop the server, answer
 * a base with a referral, ignore the paged-results control, add continuation references like AD does for the
 * partitions below the domain head. Register it before {@link AdLimitsInterceptor}. Thread-safe.
 */
public final class FaultInterceptor extends InMemoryOperationInterceptor {
    private volatile InMemoryDirectoryServer server;
    private volatile Predicate<ReadOnlySearchRequest> dropWhen = r -> false;
    private volatile int dropAfter;
    private volatile boolean shutDownOnDrop;
    private final AtomicBoolean dropped = new AtomicBoolean();
    private final AtomicInteger dropCounter = new AtomicInteger();
    private volatile Predicate<ReadOnlySearchRequest> ignorePagingWhen = r -> false;
    private final Map<String, String> referrals = new ConcurrentHashMap<>();
    private volatile Predicate<ReadOnlySearchRequest> failWhen = r -> false;
    private volatile ResultCode failWith = ResultCode.OTHER;
    private final List<String> continuationReferences = new ArrayList<>();
    private volatile String continuationBase;

    void attach(InMemoryDirectoryServer server) {
        this.server = server;
    }

    /**
     * Once, for the first search matching {@code when}: send {@code n} entries, then close every client connection
     * (and, when {@code thenShutDown}, stop the server so that reconnecting fails).
     */
    public FaultInterceptor dropConnectionAfter(int n, Predicate<ReadOnlySearchRequest> when, boolean thenShutDown) {
        this.dropAfter = n;
        this.dropWhen = when;
        this.shutDownOnDrop = thenShutDown;
        return this;
    }

    /** True once the connection was dropped. */
    public boolean dropped() {
        return dropped.get();
    }

    /** Searches matching {@code when} are processed as if they had no paged-results control. */
    public FaultInterceptor ignorePaging(Predicate<ReadOnlySearchRequest> when) {
        this.ignorePagingWhen = when;
        return this;
    }

    /** Searches matching {@code when} end at once with {@code code} (e.g. timeLimitExceeded). */
    public FaultInterceptor failSearches(Predicate<ReadOnlySearchRequest> when, ResultCode code) {
        this.failWith = code;
        this.failWhen = when;
        return this;
    }

    /** Searches whose base is {@code dn} end with a referral to {@code url}. */
    public FaultInterceptor referral(String dn, String url) {
        referrals.put(dn.toLowerCase(java.util.Locale.ROOT), url);
        return this;
    }

    /** Subtree searches based at {@code base} also return these continuation references (as AD does). */
    public synchronized FaultInterceptor continuationReferences(String base, List<String> urls) {
        this.continuationBase = base;
        this.continuationReferences.clear();
        this.continuationReferences.addAll(urls);
        return this;
    }

    /** Matches searches whose filter text contains {@code text} (case-insensitive). */
    public static Predicate<ReadOnlySearchRequest> filterContains(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        return r -> r.getFilter().toString().toLowerCase(java.util.Locale.ROOT).contains(t);
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
        ReadOnlySearchRequest r = request.getRequest();
        String url = referrals.get(r.getBaseDN().toLowerCase(java.util.Locale.ROOT));
        if (url != null) {
            throw new LDAPException(ResultCode.REFERRAL, "this DC does not hold " + r.getBaseDN(), null,
                    new String[] {url});
        }
        if (failWhen.test(r)) {
            throw new LDAPException(failWith, "scripted failure: " + failWith.getName());
        }
        if (ignorePagingWhen.test(r)) {
            SearchRequest copy = r.duplicate();
            List<Control> controls = new ArrayList<>();
            for (Control c : copy.getControls()) {
                if (!c.getOID().equals(SimplePagedResultsControl.PAGED_RESULTS_OID)) {
                    controls.add(c);
                }
            }
            copy.setControls(controls);
            request.setRequest(copy);
        }
        if (!dropped.get() && dropWhen.test(r)) {
            request.setProperty("drop", Boolean.TRUE);
        }
        List<String> refs;
        synchronized (this) {
            refs = continuationBase != null && r.getScope() == SearchScope.SUB
                    && r.getBaseDN().equalsIgnoreCase(continuationBase) ? List.copyOf(continuationReferences) : List.of();
        }
        for (String ref : refs) {
            request.sendSearchReference(new SearchResultReference(new String[] {ref}, new Control[0]));
        }
    }

    @Override
    public void processSearchEntry(InMemoryInterceptedSearchEntry entry) {
        if (entry.getProperty("drop") == null || dropped.get()) {
            return;
        }
        if (dropCounter.incrementAndGet() > dropAfter && dropped.compareAndSet(false, true)) {
            entry.setSearchEntry(null);
            if (shutDownOnDrop) {
                server.shutDown(true);
            } else {
                server.closeAllConnections(false);
            }
        }
    }
}
