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
import fr.vigie.collector.store.Reports;
import java.io.IOException;
import java.time.Clock;

/**
 * Wires the collector by hand, in pipeline order: database (migrated) → stores → ingest services → HTTPS server.
 * Used by {@code serve} and by tests. Close once: stops the server, then the database.
 */
public final class CollectorApp implements AutoCloseable {
    private final CollectorDatabase database;
    private final CollectorServer server;

    private CollectorApp(CollectorDatabase database, CollectorServer server) {
        this.database = database;
        this.server = server;
    }

    /** Opens the database and starts serving. */
    public static CollectorApp start(DatabaseSettings db, CollectorServer.Settings http, Clock clock) throws IOException {
        CollectorDatabase database = CollectorDatabase.open(db);
        try {
            Agents agents = new Agents(database.jdbi());
            EnrollmentService enrollment = new EnrollmentService(database.jdbi(), new NonceStore(clock), clock);
            ReportIngest ingest = new ReportIngest(new AgentMessages(agents), agents, new Reports(database.jdbi()),
                    AcceptanceWindow.DEFAULT, clock);
            return new CollectorApp(database, CollectorServer.start(http, enrollment, ingest, RulesetDocument.builtIn()));
        } catch (IOException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public CollectorDatabase database() {
        return database;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() throws IOException {
        server.close();
        database.close();
    }
}
