package fr.vigie.agent.delivery;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.function.DoubleSupplier;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.SchedulerContext;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's service mode on Quartz (in-memory job store, three threads): the audit on its cron expression, each
 * run delayed by a random splay (uniform in [0, splay), counted from the cron expression's scheduled time) so that
 * thousands of agents do not report at the same minute; a periodic signed
 * check-in; a periodic spool flush (which itself respects the uploader's backoff). An audit spools its report, then
 * flushes. {@link #close()} stops firing triggers and waits for running jobs. Not thread-safe (start once, close
 * once).
 */
public final class ServiceScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceScheduler.class);
    private static final String DELIVERY = "delivery";
    private static final String RUNNER = "runner";
    private static final String SPLAY = "splayMillis";
    private static final String RANDOM = "random";
    /** The audit job; each of its one-shot triggers is one (splayed) run. */
    static final JobKey AUDIT = JobKey.jobKey("audit", "vigie");
    /** Audit trigger data: the scheduled time (epoch ms) of the cron firing (or of the start, for audit-now). */
    static final String CRON_TIME = "cronTime";
    /** Audit trigger data: the random delay (ms) added to {@link #CRON_TIME}. */
    static final String SPLAY_DELAY = "splayDelayMillis";

    /** Produces one report JSON (collect, check, score, write). */
    @FunctionalInterface
    public interface AuditRunner {
        byte[] runAudit() throws Exception;
    }

    private final Scheduler scheduler;

    private ServiceScheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Starts the schedule.
     *
     * @param auditNow also run one audit right away (after the splay)
     */
    public static ServiceScheduler start(Delivery delivery, AuditRunner runner, ScheduleConfig config, boolean auditNow)
            throws SchedulerException {
        return start(delivery, runner, config, auditNow, new SecureRandom()::nextDouble, List.of());
    }

    /**
     * Starts the schedule with a given source of randomness for the splay and job listeners (tests: a seeded
     * random, observers registered before the first firing).
     *
     * @param random thread-safe, uniform in [0, 1); each audit is delayed by {@code random * splay}
     * @param listeners added to every job before the scheduler starts
     */
    static ServiceScheduler start(Delivery delivery, AuditRunner runner, ScheduleConfig config, boolean auditNow,
            DoubleSupplier random, List<JobListener> listeners) throws SchedulerException {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "vigie-agent");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "3");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        Scheduler s = new StdSchedulerFactory(p).getScheduler();
        try {
            SchedulerContext ctx = s.getContext();
            ctx.put(DELIVERY, delivery);
            ctx.put(RUNNER, runner);
            ctx.put(SPLAY, config.splay().toMillis());
            ctx.put(RANDOM, random);
            s.scheduleJob(JobBuilder.newJob(AuditKickoffJob.class).withIdentity("audit-cron", "vigie").build(),
                    TriggerBuilder.newTrigger().withIdentity("audit-cron", "vigie")
                            .withSchedule(CronScheduleBuilder.cronSchedule(config.auditCron())
                                    .withMisfireHandlingInstructionFireAndProceed()).build());
            s.addJob(JobBuilder.newJob(AuditJob.class).withIdentity(AUDIT).storeDurably().build(), false);
            s.scheduleJob(JobBuilder.newJob(CheckInJob.class).withIdentity("checkin", "vigie").build(),
                    repeating("checkin", config.checkinInterval()));
            s.scheduleJob(JobBuilder.newJob(FlushJob.class).withIdentity("flush", "vigie").build(),
                    repeating("flush", config.flushInterval()));
            for (JobListener l : listeners) {
                s.getListenerManager().addJobListener(l);
            }
            s.start();
            if (auditNow) {
                scheduleAudit(s, config.splay().toMillis(), random, new Date());
            }
        } catch (SchedulerException | RuntimeException e) {
            s.shutdown(false); // else this half-built scheduler would stay registered under its name in this JVM
            throw e;
        }
        LOG.info("service started: audit \"{}\" (splay up to {}), check-in every {}, spool flush every {}",
                config.auditCron(), config.splay(), config.checkinInterval(), config.flushInterval());
        return new ServiceScheduler(s);
    }

    private static Trigger repeating(String name, Duration every) {
        return TriggerBuilder.newTrigger().withIdentity(name, "vigie").startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(every.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount()).build();
    }

    /** Schedules one audit at {@code base} plus a random delay in [0, splay). */
    private static void scheduleAudit(Scheduler s, long splayMillis, DoubleSupplier random, Date base)
            throws SchedulerException {
        long delay = splayMillis <= 0 ? 0
                : Math.max(0, Math.min(splayMillis, (long) (random.getAsDouble() * splayMillis)));
        Date at = new Date(base.getTime() + delay);
        s.scheduleJob(TriggerBuilder.newTrigger().forJob(AUDIT).startAt(at)
                .usingJobData(CRON_TIME, base.getTime()).usingJobData(SPLAY_DELAY, delay).build());
        LOG.info("audit scheduled at {} ({} s after {}, random splay)", at.toInstant(), delay / 1000, base.toInstant());
    }

    /** The underlying Quartz scheduler (tests: listeners, state). */
    Scheduler quartz() {
        return scheduler;
    }

    /** Stops the schedule, waiting for running jobs to finish. */
    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
            LOG.info("service stopped");
        } catch (SchedulerException e) {
            LOG.warn("scheduler shutdown: {}", e.getMessage());
        }
    }

    private static Object get(JobExecutionContext c, String key) throws SchedulerException {
        return c.getScheduler().getContext().get(key);
    }

    /** Fires on the cron expression: schedules the audit after a random splay. */
    public static final class AuditKickoffJob implements Job {
        @Override
        public void execute(JobExecutionContext c) {
            try {
                Date cronTime = c.getScheduledFireTime() != null ? c.getScheduledFireTime() : new Date();
                scheduleAudit(c.getScheduler(), (Long) get(c, SPLAY), (DoubleSupplier) get(c, RANDOM), cronTime);
            } catch (SchedulerException e) {
                LOG.error("cannot schedule the audit: {}", e.getMessage());
            }
        }
    }

    /** Runs one audit, spools its signed report, then flushes. */
    @DisallowConcurrentExecution
    public static final class AuditJob implements Job {
        @Override
        public void execute(JobExecutionContext c) {
            try {
                Delivery d = (Delivery) get(c, DELIVERY);
                byte[] report = ((AuditRunner) get(c, RUNNER)).runAudit();
                d.spool(report);
                d.flush();
            } catch (Exception e) {
                LOG.error("audit failed: {}", e.toString(), e);
            }
        }
    }

    /** Sends a signed check-in. */
    @DisallowConcurrentExecution
    public static final class CheckInJob implements Job {
        @Override
        public void execute(JobExecutionContext c) {
            try {
                ((Delivery) get(c, DELIVERY)).checkIn();
            } catch (Exception e) {
                LOG.warn("check-in failed: {}", e.toString());
            }
        }
    }

    /** Retries the spool (the uploader's backoff decides whether it is time). */
    @DisallowConcurrentExecution
    public static final class FlushJob implements Job {
        @Override
        public void execute(JobExecutionContext c) {
            try {
                Delivery d = (Delivery) get(c, DELIVERY);
                if (!d.spoolStore().list().isEmpty()) {
                    d.flush();
                }
            } catch (Exception e) {
                LOG.warn("spool flush failed: {}", e.toString());
            }
        }
    }
}
