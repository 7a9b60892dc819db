package fr.vigie.agent.scan;

import fr.vigie.agent.config.ConfigException;
import fr.vigie.checks.Audit;
import fr.vigie.ruleset.Catalogue;
import fr.vigie.ruleset.CatalogueException;
import fr.vigie.ruleset.CatalogueLoader;
import fr.vigie.ruleset.SiteOverrides;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Builds the {@link Audit} for a run: the built-in catalogue or the one of {@code --ruleset}, with the site's
 * {@code --thresholds} applied. Every problem of those files becomes a {@link ConfigException} naming the file.
 * Thread-safe: holds no state.
 */
public final class AuditSetup {
    private AuditSetup() {}

    /**
     * @param ruleset    directory holding {@code catalogue.yaml} and its rule files; empty = built-in catalogue
     * @param thresholds site overrides file; empty = none
     * @throws ConfigException when a file is missing or invalid, or the catalogue names a rule this agent has no
     *                         check for
     */
    public static Audit load(Optional<Path> ruleset, Optional<Path> thresholds) throws ConfigException {
        Catalogue catalogue;
        if (ruleset.isPresent()) {
            Path dir = ruleset.get();
            if (!Files.isRegularFile(dir.resolve("catalogue.yaml"))) {
                throw new ConfigException("--ruleset " + dir + ": no catalogue.yaml in this directory (the ruleset "
                        + "directory holds catalogue.yaml and the rule files it lists)");
            }
            try {
                catalogue = CatalogueLoader.fromDirectory(dir);
            } catch (CatalogueException e) {
                throw new ConfigException("--ruleset " + dir + ": " + e.getMessage(), e);
            }
        } else {
            catalogue = CatalogueLoader.builtIn();
        }
        if (thresholds.isPresent()) {
            Path file = thresholds.get();
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("--thresholds " + file + ": no such file");
            }
            try {
                catalogue = catalogue.withOverrides(SiteOverrides.read(file));
            } catch (CatalogueException e) {
                throw new ConfigException("--thresholds " + file + ": " + e.getMessage(), e);
            }
        }
        if (ruleset.isEmpty()) {
            return new Audit(catalogue); // a mismatch of the built-in catalogue is a bug: let it surface as such
        }
        try {
            return new Audit(catalogue);
        } catch (IllegalStateException e) {
            throw new ConfigException("--ruleset " + ruleset.get() + " does not match this agent: " + e.getMessage(),
                    e);
        }
    }
}
