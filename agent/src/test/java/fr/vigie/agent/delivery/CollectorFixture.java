package fr.vigie.agent.delivery;

import fr.vigie.collector.CollectorApp;
import fr.vigie.collector.http.CollectorServer;
import fr.vigie.collector.store.DatabaseSettings;
import fr.vigie.collector.store.EnrollmentTokens;
import fr.vigie.collector.store.Establishment;
import fr.vigie.collector.store.EstablishmentCategory;
import fr.vigie.collector.store.Establishments;
import fr.vigie.collector.tls.SelfSignedCertificate;
import fr.vigie.collector.tls.TlsMaterial;
import fr.vigie.wire.EnrollmentToken;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * A real collector in this JVM (embedded PostgreSQL in a temp dir, HTTPS on a fixed free port) that can be stopped
 * and restarted. Public for the CLI's upload tests.
 */
public final class CollectorFixture implements AutoCloseable {
    final Path dir;
    final TlsMaterial tls;
    final int port;
    CollectorApp app;

    public CollectorFixture(Path dir) throws Exception {
        this.dir = dir;
        this.tls = SelfSignedCertificate.ensure(dir.resolve("tls/c.p12"), dir.resolve("tls/pw"), List.of("localhost"));
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
        start();
    }

    public void start() throws Exception {
        app = CollectorApp.start(DatabaseSettings.embedded(dir.resolve("data"), true),
                new CollectorServer.Settings("127.0.0.1", port, tls, 10 * 1024 * 1024), Clock.systemUTC());
    }

    public void stop() throws Exception {
        app.close();
        app = null;
    }

    public Jdbi jdbi() {
        return app.database().jdbi();
    }

    public URI url() {
        return URI.create("https://127.0.0.1:" + port);
    }

    /** Mints a token (one use, one hour) for a test establishment and returns its text form. */
    public String token() {
        Establishments es = new Establishments(jdbi());
        Establishment e = es.findByFiness("290000017").orElseGet(() ->
                es.create("290000017", "CHU de test", "Bretagne", EstablishmentCategory.CHU));
        Instant exp = Instant.now().plus(Duration.ofHours(1));
        EnrollmentToken t = new EnrollmentToken(url(), EnrollmentToken.newSecret(), tls.pin(), e.finess(), exp);
        new EnrollmentTokens(jdbi()).mint(e.id(), EnrollmentToken.hashSecret(t.secret()), exp, 1);
        return t.encode();
    }

    public long reports(String agentId) {
        return jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM reports WHERE agent_id = :a")
                .bind("a", agentId).mapTo(Long.class).one());
    }

    /** The stored report rows of an agent: payload type, payload, signature, domain SID. */
    public java.util.List<java.util.Map<String, Object>> reportRows(String agentId) {
        return jdbi().withHandle(h -> h.createQuery(
                "SELECT payload_type, payload, signature, domain_sid FROM reports WHERE agent_id = :a ORDER BY id")
                .bind("a", agentId).mapToMap().list());
    }

    /** The enrolled public key of an agent (X.509 encoding). */
    public byte[] publicKey(String agentId) {
        return new fr.vigie.collector.store.Agents(jdbi()).find(agentId).orElseThrow().publicKey();
    }

    @Override
    public void close() throws Exception {
        if (app != null) {
            app.close();
        }
    }
}
