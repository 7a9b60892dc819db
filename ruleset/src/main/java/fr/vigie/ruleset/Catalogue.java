package fr.vigie.ruleset;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versioned rule catalogue: every rule Vigie knows, in catalogue order. Immutable and thread-safe. Obtain one
 * from {@link CatalogueLoader}.
 */
public final class Catalogue {
    private final String version;
    private final String scoringModel;
    private final int categoryCap;
    private final Map<String, Rule> rules;

    Catalogue(String version, String scoringModel, int categoryCap, List<Rule> rules) {
        this.version = version;
        this.scoringModel = scoringModel;
        this.categoryCap = categoryCap;
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule r : rules) {
            if (byId.put(r.id(), r) != null) {
                throw new CatalogueException(r.id(), "id", "duplicate rule id");
            }
        }
        this.rules = java.util.Collections.unmodifiableMap(byId);
    }

    /** Catalogue version, recorded in every report so that scores can be compared and re-computed. */
    public String version() {
        return version;
    }

    /** Identifier of the scoring model (how points and levels combine). */
    public String scoringModel() {
        return scoringModel;
    }

    /** Maximum score of one category. */
    public int categoryCap() {
        return categoryCap;
    }

    public Collection<Rule> rules() {
        return rules.values();
    }

    public Optional<Rule> find(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    /** The rule with this id; throws {@link IllegalArgumentException} when unknown. */
    public Rule rule(String id) {
        Rule r = rules.get(id);
        if (r == null) {
            throw new IllegalArgumentException("unknown rule id: " + id);
        }
        return r;
    }

    /** A copy of this catalogue with the site's threshold overrides applied. */
    public Catalogue withOverrides(SiteOverrides overrides) {
        return new Catalogue(version, scoringModel, categoryCap, overrides.applyTo(this));
    }
}
