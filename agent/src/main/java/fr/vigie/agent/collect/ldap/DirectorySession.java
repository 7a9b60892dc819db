package fr.vigie.agent.collect.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bound connection of one collection and its recovery policy: when a step loses the connection, the next step
 * triggers one reconnect attempt; if that fails, every later step is skipped with the reason. At most
 * {@link #MAX_RECONNECTS} reconnects per collection. Not thread-safe.
 */
final class DirectorySession implements AutoCloseable {
    static final int MAX_RECONNECTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(DirectorySession.class);

    private final LdapConnector connector;
    private LDAPConnection connection;
    private String lostDuring;
    private String unavailable;
    private int reconnects;

    private DirectorySession(LdapConnector connector, LDAPConnection connection) {
        this.connector = connector;
        this.connection = connection;
    }

    /** Connects and binds (with the target's retries). */
    static DirectorySession open(LdapConnector connector) throws CollectionException {
        return new DirectorySession(connector, connector.open());
    }

    /**
     * The connection to use for the next step, reconnecting once if the previous step lost it.
     *
     * @return empty when the DC cannot be reached any more; {@link #unavailableReason()} says why
     */
    Optional<LDAPConnection> connection() {
        if (unavailable != null) {
            return Optional.empty();
        }
        if (lostDuring == null && connection != null && connection.isConnected()) {
            return Optional.of(connection);
        }
        String during = lostDuring == null ? "an earlier step" : lostDuring;
        if (connection != null) {
            connection.close();
            connection = null;
        }
        if (reconnects >= MAX_RECONNECTS) {
            unavailable = "the connection to the DC was lost " + (reconnects + 1) + " times (last during " + during
                    + ") — check the network path to " + connector.target().address() + " and rerun";
            return Optional.empty();
        }
        reconnects++;
        try {
            connection = connector.openOnce();
            LOG.info("reconnected to {} after losing the connection during {}", connector.target().address(), during);
            lostDuring = null;
            return Optional.of(connection);
        } catch (CollectionException e) {
            unavailable = "the connection to the DC was lost during " + during + " and reconnecting failed: "
                    + e.getMessage();
            return Optional.empty();
        }
    }

    /** Records that the connection broke during this step. */
    void markLost(String step) {
        lostDuring = step;
    }

    String unavailableReason() {
        return unavailable == null ? "the DC is not reachable" : unavailable;
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
