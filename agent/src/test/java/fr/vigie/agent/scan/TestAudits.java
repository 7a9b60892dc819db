package fr.vigie.agent.scan;

import fr.vigie.checks.Audit;
import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.checks.delegation.UnconstrainedDelegation;
import fr.vigie.ruleset.Catalogue;
import fr.vigie.ruleset.CatalogueLoader;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * An audit with a fixed, two-rule catalogue, so that the agent's tests do not change when the real catalogue grows:
 * {@code delegation-unconstrained} (the real check, level 1, 20 points) and {@code test-user-description} (a test
 * check reporting every user with a description, level 3, 5 points, needs USERS).
 */
public final class TestAudits {
    private TestAudits() {}

    /** Reports each user that has a description, with the description as attribute. */
    public static final class UserDescription implements Check {
        @Override
        public String ruleId() {
            return "test-user-description";
        }

        @Override
        public Set<DataSource> requires() {
            return Set.of(DataSource.USERS);
        }

        @Override
        public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
            return snapshot.users().filter(a -> a.description().isPresent())
                    .map(a -> Evidence.of(a).with("description", a.description().get())).toList();
        }
    }

    /** The catalogue directory, written under {@code dir}. */
    public static Path writeCatalogue(Path dir) {
        try {
            Files.createDirectories(dir.resolve("rules"));
            Files.writeString(dir.resolve("catalogue.yaml"), """
                    version: "test-1"
                    scoringModel: "vigie-score-1"
                    categoryCap: 100
                    files: [rules/test.yaml]
                    """);
            Files.writeString(dir.resolve("rules/test.yaml"), """
                    rules:
                      - id: delegation-unconstrained
                        title: Unconstrained delegation
                        category: PRIVILEGED_ACCOUNTS
                        points: 20
                        level: 1
                        anssi: [vuln_delegation_t4d]
                        pingcastle: [P-UnconstrainedDelegation]
                        description: Servers that receive the TGT of every user.
                        remediation: Remove unconstrained delegation.
                      - id: test-user-description
                        title: Users with a description
                        category: ANOMALIES
                        points: 5
                        level: 3
                        thresholds:
                          maxLength: 100
                        description: Descriptions sometimes hold passwords.
                        remediation: Clear the descriptions.
                    """);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Catalogue catalogue(Path dir) {
        return CatalogueLoader.fromDirectory(writeCatalogue(dir));
    }

    public static Audit audit(Path dir) {
        return new Audit(catalogue(dir), List.of(new UnconstrainedDelegation(), new UserDescription()));
    }
}
