package fr.vigie.collector.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's database: a connection pool on the configured (or embedded) PostgreSQL, migrated with Flyway
 * ({@code db/migration}) on open, and the stores that use it. Thread-safe; close once.
 */
public final class CollectorDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CollectorDatabase.class);

    private final Optional<EmbeddedPostgresServer> embedded;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private CollectorDatabase(Optional<EmbeddedPostgresServer> embedded, HikariDataSource dataSource) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    /** Opens (and if needed starts) the database and applies pending migrations. */
    public static CollectorDatabase open(DatabaseSettings settings) throws IOException {
        Optional<EmbeddedPostgresServer> embedded = Optional.empty();
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("vigie-collector");
        cfg.setMaximumPoolSize(8);
        cfg.setAutoCommit(true);
        if (settings.jdbcUrl().isPresent()) {
            cfg.setJdbcUrl(settings.jdbcUrl().get());
            settings.user().ifPresent(cfg::setUsername);
            char[] pw = settings.password();
            if (pw != null) {
                cfg.setPassword(new String(pw));
            }
        } else {
            EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(settings.dataDir(), settings.takeOverEmbedded());
            embedded = Optional.of(pg);
            cfg.setJdbcUrl(pg.jdbcUrl());
            cfg.setUsername(pg.user());
        }
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(cfg);
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            if (embedded.isPresent()) {
                embedded.get().close();
            }
            throw new IOException("cannot open the collector database: " + e.getMessage(), e);
        }
        LOG.info("collector database ready ({})", settings);
        return new CollectorDatabase(embedded, ds);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The embedded server, when one is used. */
    public Optional<EmbeddedPostgresServer> embedded() {
        return embedded;
    }

    @Override
    public void close() throws IOException {
        dataSource.close();
        if (embedded.isPresent()) {
            embedded.get().close();
        }
    }
}
