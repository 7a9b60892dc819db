package fr.vigie.collector.cli;

import fr.vigie.collector.tls.SelfSignedCertificate;
import fr.vigie.collector.tls.TlsMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The collector's TLS key store: given, or the self-signed one kept in {@code <data-dir>/tls}. */
final class TlsOptions {
    @Option(names = "--keystore", description = "PKCS#12 key store with the collector's TLS key and certificate.")
    Path keyStore;

    @Option(names = "--keystore-password-file", description = "File (mode 0600) holding the key store password.")
    Path passwordFile;

    @Option(names = "--keystore-password-env", description = "Environment variable holding the key store password.")
    String passwordEnv;

    TlsMaterial load(Path dataDir, boolean generateSelfSigned, List<String> hostnames) throws IOException {
        if (keyStore != null) {
            char[] pw = SecretFiles.read(passwordFile, passwordEnv);
            if (pw == null) {
                throw new IOException("--keystore needs --keystore-password-file or --keystore-password-env");
            }
            return TlsMaterial.load(keyStore, pw);
        }
        Path p12 = dataDir.resolve("tls").resolve("collector.p12");
        Path pw = dataDir.resolve("tls").resolve("keystore.password");
        if (generateSelfSigned) {
            return SelfSignedCertificate.ensure(p12, pw, hostnames);
        }
        if (Files.exists(p12)) {
            return SelfSignedCertificate.ensure(p12, pw, hostnames);
        }
        throw new IOException("no TLS key store: give --keystore, or --generate-self-signed for a demo");
    }
}
