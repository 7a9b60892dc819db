package fr.vigie.agent.bench;

import fr.vigie.agent.collect.ldap.CollectionException;
import fr.vigie.agent.collect.ldap.CollectionProgress;
import fr.vigie.agent.collect.ldap.LdapDirectoryCollector;
import fr.vigie.agent.collect.ldap.LdapTarget;
import fr.vigie.agent.collect.ldap.Transport;
import fr.vigie.agent.collect.ldap.TrustPolicy;
import fr.vigie.agent.config.Secret;
import fr.vigie.checks.Audit;
import fr.vigie.checks.AuditResult;
import fr.vigie.ruleset.CatalogueLoader;
import fr.vigie.snapshot.CollectionStep;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.SnapshotJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code vigie bench}: generates a domain of the requested size, serves it over LDAP on loopback, collects and
 * audits it, and prints objects/s, wall time and peak heap.
 *
 * <p>The generated domain ({@link SyntheticDomain}, fixed seed) is served by a child JVM ({@link BenchServerMain},
 * same java binary and class path, heap sized for the domain), so that this JVM's heap holds only what the agent
 * itself needs: the snapshot, the audit and the JSON writer. The child gets the bind password on its standard input
 * and stops when it is closed. Collection uses plain LDAP on 127.0.0.1 (the password never leaves the machine).
 */
public final class CollectionBenchmark {
    /** Seed of the generated domain: every run of the same size reads the same directory. */
    public static final long SEED = 20_261_128L;
    static final int MIN_OBJECTS = 100;
    static final int MAX_OBJECTS = 2_000_000;
    private static final Pattern READY = Pattern.compile(BenchServerMain.READY
            + " port=(\\d+) entries=(\\d+) loadMillis=(\\d+)");

    private CollectionBenchmark() {}

    /**
     * @param objects approximate number of directory objects to generate
     * @param out     where figures are printed
     * @return 0 on success, 1 when the collection was incomplete
     * @throws IllegalArgumentException when {@code objects} is out of range
     * @throws IOException              when the child server cannot be started or stops early
     */
    public static int run(int objects, PrintStream out) throws Exception {
        if (objects < MIN_OBJECTS || objects > MAX_OBJECTS) {
            throw new IllegalArgumentException("--objects must be between " + MIN_OBJECTS + " and " + MAX_OBJECTS
                    + ", not " + objects);
        }
        Instant now = Instant.now();
        SyntheticDomain plan = new SyntheticDomain(objects, SEED, now);
        out.printf(Locale.ROOT, "Vigie collection benchmark: %d objects (%d users, %d computers, %d groups; largest "
                + "groups %s members)%n", objects, plan.users(), plan.computers(), plan.groups(),
                Arrays.toString(plan.largeGroupSizes()));
        long childHeapMb = childHeapMb(objects);
        char[] password = randomPassword();
        Process child = startServer(objects, now, childHeapMb);
        try {
            try (Writer stdin = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
                stdin.write(password);
                stdin.write('\n');
                stdin.flush();
                Matcher ready = awaitReady(child, objects);
                int port = Integer.parseInt(ready.group(1));
                LdapTarget target = new LdapTarget("127.0.0.1", port, Transport.PLAIN_INSECURE,
                        new TrustPolicy.SystemDefault(), SyntheticDomain.auditAccountDn(), Secret.of(password),
                        Optional.empty(), Duration.ofSeconds(10), Duration.ofMinutes(5), 1);
                BenchFigures figures = measure(objects, target, now, Integer.parseInt(ready.group(2)),
                        Long.parseLong(ready.group(3)), childHeapMb, out);
                figures.print(out);
                return figures.complete() ? 0 : 1;
            }
        } finally {
            Arrays.fill(password, '\0');
            stop(child);
        }
    }

    /** Heap for the child server: about 20 KB per generated entry, at least 384 MB. */
    static long childHeapMb(int objects) {
        return Math.max(384, 256 + objects * 20L / 1024);
    }

    private static char[] randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] out = new char[24];
        for (int i = 0; i < out.length; i++) {
            out[i] = (char) ('a' + random.nextInt(26));
        }
        return out;
    }

    private static Process startServer(int objects, Instant now, long heapMb) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heapMb + "m", "-XX:+UseParallelGC",
                "-cp", System.getProperty("java.class.path"), BenchServerMain.class.getName(),
                Integer.toString(objects), Long.toString(SEED), Long.toString(now.getEpochSecond())));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Reads the child's output until its READY line; fails if it exits or takes too long. */
    private static Matcher awaitReady(Process child, int objects) throws IOException, InterruptedException {
        long timeoutMillis = 60_000 + objects;
        Thread watchdog = new Thread(() -> {
            try {
                if (!child.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                    child.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-server-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            Matcher m = READY.matcher(line);
            if (m.find()) {
                watchdog.interrupt();
                return m;
            }
        }
        throw new IOException("the benchmark's directory server stopped before it was ready (exit code "
                + (child.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(child.exitValue()) : "unknown")
                + "): see its messages above; for large domains give the machine more memory");
    }

    private static BenchFigures measure(int objects, LdapTarget target, Instant now, int serverEntries,
            long loadMillis, long childHeapMb, PrintStream out) throws CollectionException {
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        DirectorySnapshot snapshot = new LdapDirectoryCollector(target, new StepPrinter(out)).collect(now);
        long t1 = System.nanoTime();
        AuditResult result = new Audit(CatalogueLoader.builtIn()).run(snapshot);
        long t2 = System.nanoTime();
        long jsonBytes = jsonSize(snapshot);
        long peak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        out.printf(Locale.ROOT, "  rules: %d failing, %d not evaluated, of %d%n", result.failing().size(),
                result.notEvaluated().size(), result.results().size());
        long collected = snapshot.accounts().size() + snapshot.groups().size() + snapshot.foreignPrincipals().size()
                + snapshot.trusts().size();
        return new BenchFigures(objects, serverEntries, loadMillis, childHeapMb, collected, (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, peak, Runtime.getRuntime().maxMemory(), jsonBytes, snapshot.isComplete());
    }

    private static long jsonSize(DirectorySnapshot snapshot) {
        CountingOutputStream counter = new CountingOutputStream();
        try {
            SnapshotJson.write(snapshot, counter);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the snapshot: " + e.getMessage(), e);
        }
        return counter.count;
    }

    private static void stop(Process child) throws InterruptedException {
        try {
            child.getOutputStream().close();
        } catch (IOException e) {
            // already closed
        }
        if (!child.waitFor(30, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Prints each collection step as it ends. */
    private static final class StepPrinter implements CollectionProgress {
        private final PrintStream out;
        private long started = System.nanoTime();

        StepPrinter(PrintStream out) {
            this.out = out;
        }

        @Override
        public void stepStarted(DataSource step) {
            started = System.nanoTime();
        }

        @Override
        public void stepFinished(CollectionStep step) {
            out.printf(Locale.ROOT, "  step %-24s %-8s %8d objects %8.2f s%s%n", step.source(), step.status(),
                    step.objects(), (System.nanoTime() - started) / 1e9,
                    step.error().map(e -> "  " + e).orElse(""));
        }
    }

    /** Counts bytes, keeps none. */
    private static final class CountingOutputStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
