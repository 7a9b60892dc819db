package fr.vigie.agent.cli;

import fr.vigie.agent.delivery.Delivery;
import fr.vigie.agent.delivery.LogFile;
import fr.vigie.agent.delivery.ScheduleConfig;
import fr.vigie.agent.delivery.ServiceScheduler;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie run}: the service mode. Schedules the audit (cron expression from the configuration's
 * {@code schedule:} section, random splay), the signed check-in and the spool flush with Quartz, and runs until
 * SIGTERM/SIGINT, then stops the schedule cleanly (running jobs finish; the spool is on disk anyway). The audit
 * itself is given by the caller as a {@link ServiceScheduler.AuditRunner} (register with
 * {@code new RunCommand(runner)}).
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run as a service: scheduled audits and delivery.")
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--state-dir", defaultValue = "${VIGIE_STATE_DIR:-/var/lib/vigie}",
            description = "Agent state directory (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--config", description = "YAML configuration whose schedule: section sets auditCron, splay, "
            + "checkinInterval, flushInterval.")
    Path config;

    @Option(names = "--audit-cron", description = "Override the audit cron expression (Quartz, seconds first).")
    String auditCron;

    @Option(names = "--splay", description = "Override the random delay added to each audit (e.g. 2h).")
    String splay;

    @Option(names = "--checkin-interval", description = "Override the check-in period (e.g. 10m).")
    String checkinInterval;

    @Option(names = "--flush-interval", description = "Override the spool flush period (e.g. 1m).")
    String flushInterval;

    @Option(names = "--audit-now", description = "Also run one audit at start (after the splay).")
    boolean auditNow;

    @Option(names = "--log-file", description = "Also log to this file, rotated daily and at 10 MB.")
    Path logFile;

    @Spec
    CommandSpec spec;

    private final Optional<ServiceScheduler.AuditRunner> runner;

    /** Without an audit runner, {@code run} only delivers the spool and checks in. */
    public RunCommand() {
        this.runner = Optional.empty();
    }

    public RunCommand(ServiceScheduler.AuditRunner runner) {
        this.runner = Optional.of(runner);
    }

    ScheduleConfig schedule() throws java.io.IOException {
        ScheduleConfig c = config != null ? ScheduleConfig.fromYaml(config) : ScheduleConfig.DEFAULT;
        return new ScheduleConfig(auditCron != null ? auditCron : c.auditCron(),
                splay != null ? ScheduleConfig.duration(splay) : c.splay(),
                checkinInterval != null ? ScheduleConfig.duration(checkinInterval) : c.checkinInterval(),
                flushInterval != null ? ScheduleConfig.duration(flushInterval) : c.flushInterval());
    }

    @Override
    public Integer call() throws Exception {
        if (logFile != null) {
            LogFile.install(logFile);
        }
        ScheduleConfig schedule;
        try {
            schedule = schedule();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("bad schedule: " + e.getMessage());
            return 2;
        }
        Delivery delivery = Delivery.open(stateDir);
        ServiceScheduler.AuditRunner audit = runner.orElse(() -> {
            throw new IllegalStateException("no audit is wired into this build of the agent");
        });
        ServiceScheduler scheduler = ServiceScheduler.start(delivery, audit, schedule, auditNow && runner.isPresent());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            scheduler.close();
            stopped.countDown();
        }, "vigie-shutdown"));
        spec.commandLine().getOut().println("vigie agent " + delivery.identity().agentId() + " running; "
                + delivery.spoolStore().stats().count() + " report(s) spooled");
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
