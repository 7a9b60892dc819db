package fr.vigie.collector.cli;

import fr.vigie.collector.CollectorApp;
import fr.vigie.collector.http.CollectorServer;
import fr.vigie.collector.tls.TlsMaterial;
import fr.vigie.wire.Api;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: opens (or starts) the database, then serves the HTTPS API until SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the collector's HTTPS API.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions db;

    @Mixin
    TlsOptions tls;

    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Bind address (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8443", description = "HTTPS port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--generate-self-signed",
            description = "Generate (once) a self-signed TLS certificate in <data-dir>/tls for a demo.")
    boolean generateSelfSigned;

    @Option(names = "--hostname", split = ",", defaultValue = "localhost,127.0.0.1",
            description = "Names and addresses in the self-signed certificate (default: ${DEFAULT-VALUE}).")
    List<String> hostnames;

    @Option(names = "--max-report-bytes", defaultValue = "" + Api.MAX_ENVELOPE_BYTES,
            description = "Largest accepted report envelope (default: ${DEFAULT-VALUE}).")
    int maxReportBytes;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        TlsMaterial material = tls.load(db.dataDir, generateSelfSigned, hostnames);
        CollectorApp app = CollectorApp.start(db.settings(true),
                new CollectorServer.Settings(host, port, material, maxReportBytes), Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                app.close();
            } catch (Exception e) {
                System.err.println("stopping the collector: " + e);
            }
            stopped.countDown();
        }, "vigie-collector-shutdown"));
        Files.writeString(db.dataDir.resolve("serve.port"), Integer.toString(app.port()), StandardCharsets.US_ASCII);
        out.println("Vigie collector listening on https://" + host + ":" + app.port() + Api.BASE);
        out.println("TLS public key pin (sha256): " + material.pin());
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
