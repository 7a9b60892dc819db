package fr.vigie.agent.cli;

import fr.vigie.agent.delivery.AgentIdentity;
import fr.vigie.agent.delivery.Delivery;
import fr.vigie.agent.delivery.LogFile;
import fr.vigie.agent.delivery.ScheduleConfig;
import fr.vigie.agent.delivery.ServiceScheduler;
import java.io.PrintWriter;
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
 * SIGTERM/SIGINT, then stops the schedule cleanly (running jobs finish; the spool is on disk anyway). The audit is
 * the scan of {@code --scan-config <file>} ({@link ServiceAudit}: the same YAML as {@code scan --config}), or, for
 * tests, a {@link ServiceScheduler.AuditRunner} given to the constructor. Without either, {@code run} only delivers
 * the spool and checks in.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run as a service: scheduled audits, signed check-ins and delivery of the spool, until SIGTERM.",
            "The audit is the scan of --scan-config <file> (the same YAML as 'vigie scan --config'; the password from "
                    + "its password-file or password-env, never a prompt), its report uploaded at the file's "
                    + "export-level. The schedule comes from the 'schedule:' section of --config, else of the "
                    + "--scan-config file."})
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--state-dir", defaultValue = "${VIGIE_STATE_DIR:-/var/lib/vigie}",
            description = "Agent state directory (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--config", description = "YAML configuration whose schedule: section sets auditCron, splay, "
            + "checkinInterval, flushInterval (default: the schedule: section of --scan-config, if any).")
    Path config;

    @Option(names = "--scan-config", paramLabel = "<file>",
            description = "The scan to run on schedule: the same YAML as 'vigie scan --config' (server, bind-dn, "
                    + "password-file or password-env, trust, out, export-level...).")
    Path scanConfig;

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
    private final Optional<AgentEnvironment> env;

    /** Without an audit runner or an environment, {@code run} only delivers the spool and checks in. */
    public RunCommand() {
        this.runner = Optional.empty();
        this.env = Optional.empty();
    }

    /** A fixed audit (tests); {@code --scan-config} is not available. */
    public RunCommand(ServiceScheduler.AuditRunner runner) {
        this.runner = Optional.of(runner);
        this.env = Optional.empty();
    }

    /** The real command: audits from {@code --scan-config}, collected through this environment. */
    RunCommand(AgentEnvironment env) {
        this.runner = Optional.empty();
        this.env = Optional.of(env);
    }

    /**
     * The schedule: the file's {@code schedule:} section, then the options.
     *
     * @throws IllegalArgumentException naming the bad option ({@code --audit-cron ...})
     * @throws java.io.IOException naming the file and the bad key ({@code schedule.auditCron ...})
     */
    ScheduleConfig schedule() throws java.io.IOException {
        Path file = config != null ? config : scanConfig;
        ScheduleConfig c = file != null ? ScheduleConfig.fromYaml(file) : ScheduleConfig.DEFAULT;
        return new ScheduleConfig(auditCron != null ? ScheduleConfig.cron("--audit-cron", auditCron) : c.auditCron(),
                splay != null ? ScheduleConfig.splay("--splay", splay) : c.splay(),
                checkinInterval != null ? ScheduleConfig.interval("--checkin-interval", checkinInterval)
                        : c.checkinInterval(),
                flushInterval != null ? ScheduleConfig.interval("--flush-interval", flushInterval)
                        : c.flushInterval());
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (logFile != null) {
            LogFile.install(logFile);
        }
        Optional<ServiceScheduler.AuditRunner> audit = runner;
        String auditSummary = runner.isPresent() ? "a built-in audit" : "no audit (no --scan-config): delivery and "
                + "check-ins only";
        if (scanConfig != null) {
            if (env.isEmpty()) {
                err.println("run: --scan-config is not available in this build of the agent");
                return ExitStatus.USAGE.code();
            }
            ServiceAudit service = ServiceAudit.prepare(env.get(), scanConfig, stateDir, out);
            audit = Optional.of(service);
            auditSummary = "audits of " + service.describe();
        }
        ScheduleConfig schedule;
        try {
            schedule = schedule();
        } catch (IllegalArgumentException | java.io.IOException e) {
            err.println("run: bad schedule: " + e.getMessage());
            return ExitStatus.USAGE.code();
        }
        if (!AgentIdentity.exists(stateDir)) {
            err.println("run: this agent is not enrolled (no identity in " + stateDir + "). Enroll it first with "
                    + "'vigie enroll --token-file <file> --state-dir " + stateDir + "', or give the right "
                    + "--state-dir.");
            return ExitStatus.USAGE.code();
        }
        Delivery delivery = Delivery.open(stateDir);
        ServiceScheduler.AuditRunner job = audit.orElse(() -> {
            throw new IllegalStateException("no audit configured: start 'vigie run' with --scan-config <file>");
        });
        ServiceScheduler scheduler = ServiceScheduler.start(delivery, job, schedule, auditNow && audit.isPresent());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            scheduler.close();
            stopped.countDown();
        }, "vigie-shutdown"));
        out.println("vigie agent " + delivery.identity().agentId() + " running; "
                + delivery.spoolStore().stats().count() + " report(s) spooled; " + auditSummary);
        out.flush();
        stopped.await();
        return 0;
    }
}
