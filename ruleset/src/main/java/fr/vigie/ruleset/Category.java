package fr.vigie.ruleset;

/**
 * The four risk categories of the domain score, as PingCastle defines them. Each category score is the sum of the
 * points of its failing rules, capped at {@link Catalogue#categoryCap()}.
 */
public enum Category {
    STALE_OBJECTS("Stale objects"),
    PRIVILEGED_ACCOUNTS("Privileged accounts"),
    TRUSTS("Trusts"),
    ANOMALIES("Anomalies");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    /** Human-readable name for reports. */
    public String label() {
        return label;
    }
}
