package fr.vigie.agent.delivery;

import static fr.vigie.agent.delivery.DeliveryIntegrationTest.REPORT;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.wire.AgentKeys;
import fr.vigie.wire.SignedEnvelope;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobListener;
import org.quartz.Trigger;
import org.quartz.listeners.JobListenerSupport;

/**
 * The service schedule on the real Quartz scheduler: cron firings run the audit on their own, each run delayed by
 * the splay, reports spooled and delivered to a real collector (embedded PostgreSQL), clean stop.
 */
class ServiceSchedulerTest {
    @TempDir
    static Path dir;
    static CollectorFixture collector;
    static final AtomicInteger agents = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        collector = new CollectorFixture(dir.resolve("collector"));
    }

    @AfterAll
    static void stop() throws Exception {
        collector.close();
    }

    static Delivery enrolled() throws Exception {
        Path state = dir.resolve("agent-" + agents.incrementAndGet());
        new Enrollment(Clock.systemUTC(), "cron-host").enroll(state, collector.token(), false);
        return Delivery.open(state);
    }

    /** An audit cron and splay; check-in and flush once at start, then hourly (out of the way). */
    static ScheduleConfig schedule(String cron, Duration splay) {
        return new ScheduleConfig(cron, splay, Duration.ofHours(1), Duration.ofHours(1));
    }

    /** One execution of the audit job as Quartz saw it (epoch ms). */
    record Audit(long cronTime, long delay, long scheduled, long fired) {}

    /** Records, from before the first firing, the cron kickoffs' scheduled times and the audit executions. */
    static final class Watch extends JobListenerSupport {
        final List<Long> kickoffs = new CopyOnWriteArrayList<>();
        final List<Audit> audits = new CopyOnWriteArrayList<>();

        @Override
        public String getName() {
            return "test-watch";
        }

        @Override
        public void jobToBeExecuted(JobExecutionContext c) {
            if (c.getJobDetail().getKey().equals(ServiceScheduler.AUDIT)) {
                JobDataMap m = c.getTrigger().getJobDataMap();
                audits.add(new Audit(m.getLong(ServiceScheduler.CRON_TIME), m.getLong(ServiceScheduler.SPLAY_DELAY),
                        c.getScheduledFireTime().getTime(), c.getFireTime().getTime()));
            } else if (c.getJobDetail().getKey().getName().equals("audit-cron")) {
                kickoffs.add(c.getScheduledFireTime().getTime());
            }
        }

        List<JobListener> asList() {
            return List.of(this);
        }
    }

    static void await(BooleanSupplier done, Duration max, String what) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + max + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    static boolean quartzThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith("vigie-agent_"));
    }

    @Test
    void aCronFiringEveryTwoSecondsRunsTheAuditOnItsOwnAndEachReportIsSpooledAndDelivered() throws Exception {
        Delivery d = enrolled();
        String agentId = d.identity().agentId();
        List<Long> runs = new CopyOnWriteArrayList<>();
        Watch watch = new Watch();
        long t0 = System.currentTimeMillis();
        try (ServiceScheduler s = ServiceScheduler.start(d, () -> {
            runs.add(System.currentTimeMillis());
            return REPORT;
        }, schedule("0/2 * * * * ?", Duration.ZERO), false, () -> 0.5, watch.asList())) {
            await(() -> collector.reports(agentId) >= 2, Duration.ofSeconds(8), "two reports at the collector");
            assertThat(System.currentTimeMillis() - t0).as("two cron firings 2 s apart").isLessThan(7000);
        } // close() waits for an audit in progress: every run below is finished
        assertThat(runs).hasSizeGreaterThanOrEqualTo(2);
        assertThat(watch.kickoffs).hasSizeGreaterThanOrEqualTo(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            long cron = watch.kickoffs.get(i);
            assertThat(cron % 2000).as("0/2: an even second").isZero();
            assertThat(cron).isGreaterThanOrEqualTo(t0 - 2000);
            assertThat(runs.get(i)).as("run %d after its cron time", i).isBetween(cron - 5, cron + 1500);
            if (i > 0) {
                assertThat(cron - watch.kickoffs.get(i - 1)).isEqualTo(2000);
            }
        }
        assertThat(watch.audits).hasSize(runs.size());
        // each run was signed, spooled, delivered once, and removed from the spool
        assertThat(collector.reports(agentId)).isEqualTo(runs.size());
        assertThat(d.spoolStore().list()).isEmpty();
        for (Map<String, Object> row : collector.reportRows(agentId)) {
            byte[] payload = SignedEnvelope.of((String) row.get("payload_type"), (byte[]) row.get("payload"), agentId,
                    (byte[]) row.get("signature")).verify(AgentKeys.publicKey(collector.publicKey(agentId))).payload();
            assertThat(payload).isEqualTo(REPORT);
        }
    }

    @Test
    void eachCronRunIsDelayedByItsSeededRandomSplayCountedFromTheCronTime() throws Exception {
        long seed = 4242L;
        long splayMillis = 3000;
        Random oracle = new Random(seed);
        List<Long> expected = IntStream.range(0, 30).mapToObj(i -> (long) (oracle.nextDouble() * splayMillis)).toList();
        Random random = new Random(seed);
        AtomicInteger draws = new AtomicInteger();
        DoubleSupplier counted = () -> {
            draws.incrementAndGet();
            return random.nextDouble();
        };
        List<Long> runs = new CopyOnWriteArrayList<>();
        Watch watch = new Watch();
        ServiceScheduler s = ServiceScheduler.start(enrolled(), () -> {
            runs.add(System.currentTimeMillis());
            return REPORT;
        }, schedule("* * * * * ?", Duration.ofMillis(splayMillis)), false, counted, watch.asList());
        try {
            await(() -> watch.audits.size() >= 3, Duration.ofSeconds(9), "three splayed audits");
        } finally {
            s.close();
        }
        assertThat(draws.get()).as("one draw per cron firing").isEqualTo(watch.kickoffs.size());
        for (Audit a : watch.audits) {
            int k = watch.kickoffs.indexOf(a.cronTime());
            assertThat(k).as("the audit belongs to a cron firing").isNotNegative();
            assertThat(a.cronTime() % 1000).isZero();
            assertThat(a.delay()).as("k=%d", k).isEqualTo(expected.get(k)).isBetween(0L, splayMillis);
            assertThat(a.scheduled()).isEqualTo(a.cronTime() + a.delay());
            assertThat(a.fired()).isBetween(a.scheduled() - 5, a.scheduled() + 1500);
        }
        // the runner really ran at the splayed times, not at the cron times
        List<Long> scheduled = watch.audits.stream().map(Audit::scheduled).sorted().toList();
        assertThat(runs).hasSize(scheduled.size());
        List<Long> ran = runs.stream().sorted(Comparator.naturalOrder()).toList();
        for (int i = 0; i < ran.size(); i++) {
            assertThat(ran.get(i)).isBetween(scheduled.get(i) - 5, scheduled.get(i) + 1500);
        }
        assertThat(watch.audits.stream().map(Audit::delay).distinct().count()).as("delays vary").isGreaterThan(1);
    }

    @Test
    void withNoSplayEachAuditRunsAtItsCronTimeAndNoRandomIsDrawn() throws Exception {
        AtomicInteger draws = new AtomicInteger();
        Watch watch = new Watch();
        try (ServiceScheduler s = ServiceScheduler.start(enrolled(), () -> REPORT, schedule("* * * * * ?", Duration.ZERO),
                false, () -> {
                    draws.incrementAndGet();
                    return 0.99;
                }, watch.asList())) {
            await(() -> watch.audits.size() >= 2, Duration.ofSeconds(6), "two audits");
        }
        assertThat(draws.get()).isZero();
        for (Audit a : watch.audits) {
            assertThat(watch.kickoffs).contains(a.cronTime());
            assertThat(a.delay()).isZero();
            assertThat(a.scheduled()).isEqualTo(a.cronTime());
            assertThat(a.fired()).isBetween(a.cronTime() - 5, a.cronTime() + 1500);
        }
    }

    @Test
    void closeWaitsForTheRunningAuditThenNothingRunsAnyMore() throws Exception {
        Delivery d = enrolled();
        String agentId = d.identity().agentId();
        AtomicInteger begun = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(1);
        ServiceScheduler s = ServiceScheduler.start(d, () -> {
            begun.incrementAndGet();
            running.countDown();
            Thread.sleep(700);
            done.incrementAndGet();
            return REPORT;
        }, schedule("* * * * * ?", Duration.ZERO), false);
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        s.close(); // mid-audit
        assertThat(s.quartz().isShutdown()).isTrue();
        int ran = begun.get();
        assertThat(done.get()).as("close() waited for the audit in progress").isEqualTo(ran);
        assertThat(collector.reports(agentId) + d.spoolStore().list().size()).as("its report was kept").isEqualTo(ran);
        await(() -> !quartzThreadsAlive(), Duration.ofSeconds(5), "the Quartz threads to end");
        Thread.sleep(2200); // two more cron seconds
        assertThat(begun.get()).isEqualTo(ran);
    }

    @Test
    void anAuditWaitingForItsSplayIsDroppedByClose() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        long before = System.currentTimeMillis();
        ServiceScheduler s = ServiceScheduler.start(enrolled(), () -> {
            runs.incrementAndGet();
            return REPORT;
        }, schedule("0 0 3 1 1 ? 2099", Duration.ofSeconds(2)), true, () -> 0.9, List.of());
        List<? extends Trigger> pending;
        try {
            pending = s.quartz().getTriggersOfJob(ServiceScheduler.AUDIT);
        } finally {
            s.close();
        }
        assertThat(pending).hasSize(1); // --audit-now: one audit, 1.8 s after the start
        long at = pending.get(0).getNextFireTime().getTime();
        assertThat(at - pending.get(0).getJobDataMap().getLong(ServiceScheduler.CRON_TIME)).isEqualTo(1800);
        assertThat(at).isBetween(before + 1800, System.currentTimeMillis() + 1800);
        Thread.sleep(2300);
        assertThat(runs.get()).isZero();
    }
}
