package fr.vigie.agent.cli;

import fr.vigie.agent.bench.CollectionBenchmark;
import fr.vigie.agent.collect.host.HostCollector;
import fr.vigie.agent.collect.host.HostScanConfig;
import fr.vigie.agent.collect.ldap.CollectionProgress;
import fr.vigie.agent.collect.ldap.LdapDirectoryCollector;
import fr.vigie.agent.collect.ldap.LdapTarget;
import fr.vigie.agent.config.PasswordSource;
import fr.vigie.agent.config.Secret;
import fr.vigie.agent.demo.DemoDomain;
import fr.vigie.agent.scan.SnapshotSource;
import fr.vigie.snapshot.host.HostSnapshot;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Everything the commands use from the outside world, built in one place: {@link #system()} in production, fakes
 * in tests. Immutable.
 *
 * @param clock       "now" of collections and reports; its zone names the output directories
 * @param environment environment variable lookup (for {@code --password-env})
 * @param prompter    interactive password prompt
 * @param collectors  makes the collector of a target
 * @param demo        starts the demo domain
 * @param bench       runs the benchmark
 * @param nanoTime    monotonic clock for progress rates
 * @param hosts       inspects the agent's own host (the backup side of {@code scan})
 */
public record AgentEnvironment(
        Clock clock,
        Function<String, String> environment,
        PasswordSource.Prompter prompter,
        CollectorFactory collectors,
        DemoLauncher demo,
        BenchRunner bench,
        LongSupplier nanoTime,
        HostInspector hosts) {

    public AgentEnvironment {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(prompter, "prompter");
        Objects.requireNonNull(collectors, "collectors");
        Objects.requireNonNull(demo, "demo");
        Objects.requireNonNull(bench, "bench");
        Objects.requireNonNull(nanoTime, "nanoTime");
        Objects.requireNonNull(hosts, "hosts");
    }

    /** An environment whose host inspection is the real {@link HostCollector}. */
    public AgentEnvironment(Clock clock, Function<String, String> environment, PasswordSource.Prompter prompter,
            CollectorFactory collectors, DemoLauncher demo, BenchRunner bench, LongSupplier nanoTime) {
        this(clock, environment, prompter, collectors, demo, bench, nanoTime,
                config -> new HostCollector().collect(config));
    }

    /**
     * Collects the snapshot of the host the agent runs on. Must not throw for a problem of the host (the
     * collector records it in the snapshot's steps); the scan still guards against an unexpected exception.
     */
    @FunctionalInterface
    public interface HostInspector {
        HostSnapshot collect(HostScanConfig config);
    }

    /** Makes the snapshot source for one target. */
    @FunctionalInterface
    public interface CollectorFactory {
        SnapshotSource create(LdapTarget target, CollectionProgress progress);
    }

    /** A running demo domain. */
    public interface DemoServer extends AutoCloseable {
        /** A target ready to collect the demo domain. */
        LdapTarget target();

        @Override
        void close();
    }

    /** Starts the demo domain. */
    @FunctionalInterface
    public interface DemoLauncher {
        DemoServer start() throws Exception;
    }

    /** Runs the benchmark; returns its exit code. */
    @FunctionalInterface
    public interface BenchRunner {
        int run(int objects, PrintStream out) throws Exception;
    }

    /** The real world: system clock and zone, process environment, terminal prompt, LDAP collector. */
    public static AgentEnvironment system() {
        return new AgentEnvironment(
                Clock.systemDefaultZone(),
                System::getenv,
                Secret::prompt,
                (target, progress) -> new LdapDirectoryCollector(target, progress)::collect,
                () -> {
                    DemoDomain domain = DemoDomain.start();
                    return new DemoServer() {
                        @Override
                        public LdapTarget target() {
                            return domain.target();
                        }

                        @Override
                        public void close() {
                            domain.close();
                        }
                    };
                },
                CollectionBenchmark::run,
                System::nanoTime,
                config -> new HostCollector().collect(config));
    }

    /** This environment with another clock. */
    public AgentEnvironment withClock(Clock other) {
        return new AgentEnvironment(other, environment, prompter, collectors, demo, bench, nanoTime, hosts);
    }
}
