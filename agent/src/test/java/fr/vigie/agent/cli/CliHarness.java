package fr.vigie.agent.cli;

import fr.vigie.agent.collect.ldap.CollectionException;
import fr.vigie.agent.collect.ldap.LdapTarget;
import fr.vigie.agent.collect.ldap.Transport;
import fr.vigie.agent.collect.ldap.TrustPolicy;
import fr.vigie.agent.config.Secret;
import fr.vigie.agent.scan.AgentSnapshots;
import fr.vigie.snapshot.CollectionStep;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the real command tree against a fake outside world: a fixed clock, an environment map, a prompt that fails
 * (no terminal), a collector that records its target and returns a fixture snapshot (or throws), a fake demo
 * server and bench. Output and error are captured.
 */
final class CliHarness {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final Map<String, String> environment = new HashMap<>();
    final AtomicReference<LdapTarget> target = new AtomicReference<>();
    /** The bind password as the collector saw it (the secret is cleared after the scan). */
    final AtomicReference<String> passwordSeen = new AtomicReference<>();
    final AtomicBoolean demoClosed = new AtomicBoolean();
    final AtomicInteger benchObjects = new AtomicInteger(-1);
    DirectorySnapshot snapshot = AgentSnapshots.domain().unconstrainedServer("SRV1").build();
    CollectionException failure;
    /** The host snapshot the fake host inspection returns, and the configuration it was given. */
    fr.vigie.snapshot.host.HostSnapshot host = fr.vigie.agent.scan.HostSnapshots.backupServer();
    final AtomicReference<fr.vigie.agent.collect.host.HostScanConfig> hostConfig = new AtomicReference<>();
    RuntimeException hostFailure;
    Exception demoFailure;

    AgentEnvironment env() {
        return new AgentEnvironment(
                Clock.fixed(AgentSnapshots.AS_OF, ZoneOffset.UTC),
                environment::get,
                message -> {
                    throw new IOException("no terminal to prompt for the password: use --password-file or "
                            + "--password-env");
                },
                (t, progress) -> now -> {
                    target.set(t);
                    passwordSeen.set(new String(t.password().chars()));
                    if (failure != null) {
                        throw failure;
                    }
                    progress.stepStarted(DataSource.USERS);
                    progress.stepFinished(CollectionStep.complete(DataSource.USERS, 2));
                    return snapshot;
                },
                () -> {
                    if (demoFailure != null) {
                        throw demoFailure;
                    }
                    LdapTarget demoTarget = new LdapTarget("127.0.0.1", 10636, Transport.LDAPS,
                            new TrustPolicy.PinnedCertificate("ab".repeat(32)), "cn=audit,dc=ch-test,dc=local",
                            Secret.of("demo".toCharArray()), Optional.empty(), Duration.ofSeconds(5),
                            Duration.ofSeconds(5), 1);
                    return new AgentEnvironment.DemoServer() {
                        @Override
                        public LdapTarget target() {
                            return demoTarget;
                        }

                        @Override
                        public void close() {
                            demoClosed.set(true);
                        }
                    };
                },
                (objects, stream) -> {
                    benchObjects.set(objects);
                    stream.println("bench: " + objects + " objects, 12345 objects/s");
                    return 0;
                },
                () -> 0L,
                config -> {
                    hostConfig.set(config);
                    if (hostFailure != null) {
                        throw hostFailure;
                    }
                    return host;
                });
    }

    int run(String... args) {
        return VigieCli.run(env(), new PrintWriter(out), new PrintWriter(err), args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    String all() {
        return out() + err();
    }
}
