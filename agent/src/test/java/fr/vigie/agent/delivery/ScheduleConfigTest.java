package fr.vigie.agent.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.agent.cli.RunCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code schedule:} section and the {@code run} options: values, defaults, errors naming the key. */
class ScheduleConfigTest {
    @TempDir
    Path dir;

    private Path yaml(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    /** Runs {@code run} in this JVM (an audit that is never reached); returns exit code and stderr. */
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new RunCommand(() -> DeliveryIntegrationTest.REPORT));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), err.toString(), out.toString()};
    }

    @Test
    void theSectionIsReadAndMissingKeysTakeTheDefaults() throws Exception {
        ScheduleConfig c = ScheduleConfig.fromYaml(yaml("s.yaml", "schedule:", "  auditCron: \"0/2 * * * * ?\"",
                "  splay: 3s", "  checkinInterval: PT10S"));
        assertThat(c).isEqualTo(new ScheduleConfig("0/2 * * * * ?", Duration.ofSeconds(3), Duration.ofSeconds(10),
                ScheduleConfig.DEFAULT.flushInterval()));
        assertThat(ScheduleConfig.fromYaml(yaml("none.yaml", "server: dc1"))).isEqualTo(ScheduleConfig.DEFAULT);
        assertThat(ScheduleConfig.fromYaml(yaml("zero.yaml", "schedule:", "  splay: 0s")).splay()).isZero();
    }

    @Test
    void anInvalidCronExpressionNamesTheKeyTheValueAndTheFile() throws Exception {
        Path f = yaml("bad.yaml", "schedule:", "  auditCron: \"0 0 25 * * ?\"", "  splay: 1h");
        assertThatThrownBy(() -> ScheduleConfig.fromYaml(f)).isInstanceOf(IOException.class)
                .hasMessageContaining("bad schedule in " + f)
                .hasMessageContaining("schedule.auditCron: not a Quartz cron expression: \"0 0 25 * * ?\"")
                .hasMessageContaining("seconds first");
        Path fiveFields = yaml("unix.yaml", "schedule:", "  auditCron: \"0 2 * * *\"");
        assertThatThrownBy(() -> ScheduleConfig.fromYaml(fiveFields)).hasMessageContaining("schedule.auditCron")
                .hasMessageContaining("\"0 2 * * *\"");
        Path past = yaml("past.yaml", "schedule:", "  auditCron: \"0 0 2 1 1 ? 2001\"");
        assertThatThrownBy(() -> ScheduleConfig.fromYaml(past))
                .hasMessageContaining("schedule.auditCron: the cron expression \"0 0 2 1 1 ? 2001\" never fires again");
        assertThatThrownBy(() -> new ScheduleConfig("every day", Duration.ZERO, Duration.ofMinutes(1),
                Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("auditCron: not a Quartz cron expression: \"every day\"");
    }

    @Test
    void badDurationsAndUnknownKeysNameTheKey() throws Exception {
        assertThatThrownBy(() -> ScheduleConfig.fromYaml(yaml("d.yaml", "schedule:", "  splay: soon")))
                .hasMessageContaining("schedule.splay: not a duration: \"soon\"");
        assertThatThrownBy(() -> ScheduleConfig.fromYaml(yaml("n.yaml", "schedule:", "  splay: PT-5S")))
                .hasMessageContaining("schedule.splay: must be zero or more");
        assertThatThrownBy(() -> ScheduleConfig.fromYaml(yaml("z.yaml", "schedule:", "  flushInterval: 0s")))
                .hasMessageContaining("schedule.flushInterval: must be more than zero");
        assertThatThrownBy(() -> ScheduleConfig.fromYaml(yaml("t.yaml", "schedule:", "  auditcron: \"0 0 2 * * ?\"")))
                .hasMessageContaining("schedule.auditcron: unknown key").hasMessageContaining("auditCron");
        assertThatThrownBy(() -> ScheduleConfig.fromYaml(yaml("m.yaml", "schedule: daily")))
                .hasMessageContaining("schedule: must be a mapping");
    }

    @Test
    void runExitsTwoWithTheMessageForAnInvalidCronInTheConfig() throws Exception {
        Path f = yaml("run.yaml", "schedule:", "  auditCron: \"0 0 2 * * MONDAY\"");
        String[] r = run("--config", f.toString(), "--state-dir", dir.resolve("state").toString());
        assertThat(r[0]).as(r[1]).isEqualTo("2");
        assertThat(r[1]).contains("run: bad schedule: bad schedule in " + f)
                .contains("schedule.auditCron: not a Quartz cron expression: \"0 0 2 * * MONDAY\"");
        assertThat(r[2]).doesNotContain("running");
    }

    @Test
    void runExitsTwoNamingTheOptionForAnInvalidOverride() {
        String state = dir.resolve("state").toString();
        String[] cron = run("--audit-cron", "*/5 * * * *", "--state-dir", state);
        assertThat(cron[0]).as(cron[1]).isEqualTo("2");
        assertThat(cron[1]).contains("--audit-cron: not a Quartz cron expression: \"*/5 * * * *\"");
        String[] splay = run("--splay", "2 hours", "--state-dir", state);
        assertThat(splay[0]).isEqualTo("2");
        assertThat(splay[1]).contains("--splay: not a duration: \"2 hours\"");
        String[] flush = run("--flush-interval", "0s", "--state-dir", state);
        assertThat(flush[0]).isEqualTo("2");
        assertThat(flush[1]).contains("--flush-interval: must be more than zero");
        // a valid schedule gets past the schedule check (then stops: not enrolled)
        String[] fine = run("--audit-cron", "0/2 * * * * ?", "--splay", "3s", "--state-dir", state);
        assertThat(fine[0]).isEqualTo("2");
        assertThat(fine[1]).doesNotContain("bad schedule").contains("not enrolled");
    }
}
