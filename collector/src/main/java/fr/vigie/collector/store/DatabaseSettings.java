package fr.vigie.collector.store;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the collector's database is: an external PostgreSQL ({@code jdbcUrl} present) or the embedded one in
 * {@code dataDir}. Immutable except that {@link #password()} returns a copy.
 *
 * @param dataDir the collector's data directory (embedded cluster, TLS material)
 * @param jdbcUrl external server URL, or empty for the embedded server
 * @param user external server user (ignored for the embedded server)
 * @param password external server password, or null (never logged)
 * @param takeOverEmbedded see {@link EmbeddedPostgresServer#start}
 */
public record DatabaseSettings(Path dataDir, Optional<String> jdbcUrl, Optional<String> user, char[] password,
        boolean takeOverEmbedded) {
    public DatabaseSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        password = password == null ? null : password.clone();
    }

    /** The embedded server in {@code dataDir}. */
    public static DatabaseSettings embedded(Path dataDir, boolean takeOver) {
        return new DatabaseSettings(dataDir, Optional.empty(), Optional.empty(), null, takeOver);
    }

    @Override
    public char[] password() {
        return password == null ? null : password.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatabaseSettings d && d.dataDir.equals(dataDir) && d.jdbcUrl.equals(jdbcUrl)
                && d.user.equals(user) && Arrays.equals(d.password, password) && d.takeOverEmbedded == takeOverEmbedded;
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataDir, jdbcUrl, user, takeOverEmbedded);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + jdbcUrl.orElse("embedded in " + dataDir) + "]";
    }
}
