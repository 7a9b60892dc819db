package fr.vigie.collector.cli;

import fr.vigie.collector.store.DatabaseSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the database is: {@code --jdbc-url} for an external PostgreSQL, otherwise the embedded one in the data dir. */
final class DatabaseOptions {
    @Option(names = "--data-dir", defaultValue = "vigie-collector-data",
            description = "Data directory: embedded PostgreSQL cluster and TLS material (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--jdbc-url", description = "Use this PostgreSQL server instead of the embedded one.")
    String jdbcUrl;

    @Option(names = "--db-user", description = "User for --jdbc-url.")
    String user;

    @Option(names = "--db-password-file", description = "File (mode 0600) holding the password for --jdbc-url.")
    Path passwordFile;

    @Option(names = "--db-password-env", description = "Environment variable holding the password for --jdbc-url.")
    String passwordEnv;

    DatabaseSettings settings(boolean takeOverEmbedded) throws IOException {
        return new DatabaseSettings(dataDir, Optional.ofNullable(jdbcUrl), Optional.ofNullable(user),
                SecretFiles.read(passwordFile, passwordEnv), takeOverEmbedded);
    }
}
