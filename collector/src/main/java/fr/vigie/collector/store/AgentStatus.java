package fr.vigie.collector.store;

/** Lifecycle of an enrolled agent. Only {@link #ACTIVE} agents may upload. */
public enum AgentStatus {
    /** Enrolled; reports and check-ins accepted. */
    ACTIVE,
    /** Enrolled with {@code --replace}: waits for an admin's {@code agent approve-replacement}. */
    PENDING_REPLACEMENT,
    /** Revoked by an admin. */
    REVOKED,
    /** Superseded by an approved replacement (kept for history). */
    REPLACED;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static AgentStatus ofDb(String v) {
        return valueOf(v.toUpperCase(java.util.Locale.ROOT));
    }
}
