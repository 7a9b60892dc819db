package fr.vigie.ruleset;

/**
 * Risk categories. The first four are PingCastle's and make the AD domain score; {@link #BACKUP} has its own scale.
 * Each category score is the sum of the points of its failing rules, capped at {@link Catalogue#categoryCap()}.
 */
public enum Category {
    STALE_OBJECTS("Stale objects"),
    PRIVILEGED_ACCOUNTS("Privileged accounts"),
    TRUSTS("Trusts"),
    ANOMALIES("Anomalies"),
    /** Backup hygiene: scored on its own scale (backup maturity level), not part of the AD domain score. */
    BACKUP("Backups");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    /** True for the categories of the AD domain score and AD maturity level (all but {@link #BACKUP}). */
    public boolean isDirectory() {
        return this != BACKUP;
    }

    /** Human-readable name for reports. */
    public String label() {
        return label;
    }
}
