package fr.vigie.collector;

import fr.vigie.collector.http.CollectorServer;
import fr.vigie.collector.http.RulesetDocument;
import fr.vigie.collector.ingest.AcceptanceWindow;
import fr.vigie.collector.ingest.AgentMessages;
import fr.vigie.collector.ingest.EnrollmentService;
import fr.vigie.collector.ingest.NonceStore;
import fr.vigie.collector.ingest.ReportIngest;
import fr.vigie.collector.store.Agents;
import fr.vigie.collector.store.CollectorDatabase;
import fr.vigie.collector.store.DatabaseSettings;
import fr.vigie.collector.store.EnrollmentTokens;
import fr.vigie.collector.store.Establishment;
import fr.vigie.collector.store.EstablishmentCategory;
import fr.vigie.collector.store.Establishments;
import fr.vigie.collector.store.Reports;
import fr.vigie.collector.tls.SelfSignedCertificate;
import fr.vigie.collector.tls.TlsMaterial;
import fr.vigie.wire.EnrollmentToken;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An in-process collector (embedded PostgreSQL, HTTPS on a free port) for tests. */
public final class TestCollector implements AutoCloseable {
    public final CollectorDatabase db;
    public final CollectorServer server;
    public final TlsMaterial tls;
    public final URI url;

    public TestCollector(Path dir, int maxReportBytes) throws Exception {
        tls = SelfSignedCertificate.ensure(dir.resolve("tls/c.p12"), dir.resolve("tls/pw"), List.of("localhost", "127.0.0.1"));
        db = CollectorDatabase.open(DatabaseSettings.embedded(dir.resolve("data"), true));
        Clock clock = Clock.systemUTC();
        Agents agents = new Agents(db.jdbi());
        server = CollectorServer.start(new CollectorServer.Settings("127.0.0.1", 0, tls, maxReportBytes),
                new EnrollmentService(db.jdbi(), new NonceStore(clock), clock),
                new ReportIngest(new AgentMessages(agents), agents, new Reports(db.jdbi()), AcceptanceWindow.DEFAULT, clock),
                RulesetDocument.builtIn());
        url = URI.create("https://127.0.0.1:" + server.port());
    }

    public Establishment establishment(String finess) {
        return new Establishments(db.jdbi()).findByFiness(finess).orElseGet(() ->
                new Establishments(db.jdbi()).create(finess, "CH " + finess, "Bretagne", EstablishmentCategory.CH));
    }

    /** Mints a token for an establishment. */
    public EnrollmentToken token(String finess, Instant expires, int uses) {
        Establishment e = establishment(finess);
        EnrollmentToken t = new EnrollmentToken(url, EnrollmentToken.newSecret(), tls.pin(), finess, expires);
        new EnrollmentTokens(db.jdbi()).mint(e.id(), EnrollmentToken.hashSecret(t.secret()), expires, uses);
        return t;
    }

    /** Row counts of every table plus the total token uses: "nothing stored" means this map is unchanged. */
    public Map<String, Long> counts() {
        return db.jdbi().withHandle(h -> Map.of(
                "reports", h.createQuery("SELECT count(*) FROM reports").mapTo(Long.class).one(),
                "agents", h.createQuery("SELECT count(*) FROM agents").mapTo(Long.class).one(),
                "tokens", h.createQuery("SELECT count(*) FROM enrollment_tokens").mapTo(Long.class).one(),
                "token_uses", h.createQuery("SELECT coalesce(sum(uses), 0) FROM enrollment_tokens").mapTo(Long.class).one(),
                "establishments", h.createQuery("SELECT count(*) FROM establishments").mapTo(Long.class).one()));
    }

    @Override
    public void close() throws Exception {
        server.close();
        db.close();
    }
}
