package fr.vigie.agent.collect.ldap;

import fr.vigie.agent.collect.ldap.adlike.AdLikeDirectory;
import fr.vigie.agent.config.Secret;
import fr.vigie.snapshot.CollectionStep;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Targets and collectors for the in-memory AD-like directory. */
final class Targets {
    static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");

    private Targets() {}

    static LdapTarget plain(int port) {
        return target("127.0.0.1", port, Transport.PLAIN_INSECURE, new TrustPolicy.SystemDefault(),
                AdLikeDirectory.AUDIT_PASSWORD, 1);
    }

    static LdapTarget target(String host, int port, Transport transport, TrustPolicy trust, String password,
            int maxAttempts) {
        return new LdapTarget(host, port, transport, trust, AdLikeDirectory.AUDIT_DN,
                Secret.of(password.toCharArray()), Optional.empty(), Duration.ofSeconds(2), Duration.ofSeconds(10),
                maxAttempts);
    }

    /** A collector whose backoff sleeps are recorded instead of slept. */
    static LdapDirectoryCollector collector(LdapTarget target, CollectionProgress progress, List<Duration> sleeps) {
        return new LdapDirectoryCollector(target, progress, sleeps::add, Duration.ofMillis(100));
    }

    static DirectorySnapshot collect(LdapTarget target) throws CollectionException {
        return collector(target, CollectionProgress.NONE, new ArrayList<>()).collect(NOW);
    }

    static CollectionStep step(DirectorySnapshot snapshot, DataSource source) {
        return snapshot.steps().stream().filter(s -> s.source() == source).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + source + " in " + snapshot.steps()));
    }

    /** Records progress callbacks. */
    static final class RecordingProgress implements CollectionProgress {
        final List<String> events = new ArrayList<>();

        @Override
        public void stepStarted(DataSource step) {
            events.add("start " + step);
        }

        @Override
        public void objectsRead(DataSource step, long soFar) {
            events.add("read " + step + " " + soFar);
        }

        @Override
        public void stepFinished(CollectionStep step) {
            events.add("end " + step.source() + " " + step.status());
        }
    }
}
