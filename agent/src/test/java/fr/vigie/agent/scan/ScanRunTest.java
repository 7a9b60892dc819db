package fr.vigie.agent.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.vigie.agent.collect.ldap.CollectionException;
import fr.vigie.agent.report.HtmlReport;
import fr.vigie.agent.report.ReportDocument;
import fr.vigie.agent.report.ReportJson;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanRunTest {
    @TempDir
    Path tmp;

    private final StringWriter console = new StringWriter();

    private ScanRun run(Instant now) {
        return new ScanRun(TestAudits.audit(tmp.resolve("catalogue")), Clock.fixed(now, ZoneOffset.UTC), "t",
                new HtmlReport(), new PrintWriter(console));
    }

    private static SnapshotSource fixed(DirectorySnapshot snapshot, AtomicReference<Instant> askedAt) {
        return now -> {
            askedAt.set(now);
            return snapshot;
        };
    }

    @Test
    void aScanWritesSnapshotAndReportsInADirectoryNamedAfterDomainAndTime() throws Exception {
        DirectorySnapshot snapshot = AgentSnapshots.domain().unconstrainedServer("SRV1").build();
        AtomicReference<Instant> askedAt = new AtomicReference<>();
        Path out = tmp.resolve("reports");

        ScanOutcome outcome = run(AgentSnapshots.AS_OF).scan(fixed(snapshot, askedAt), out);

        assertThat(askedAt.get()).isEqualTo(AgentSnapshots.AS_OF);
        assertThat(outcome.directory()).isEqualTo(out.resolve("ch-test.local-20260601-083000"));
        try (Stream<Path> files = Files.list(outcome.directory())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("snapshot.json", "report.json", "report.html");
        }
        assertThat(SnapshotJson.read(outcome.snapshot().orElseThrow())).isEqualTo(snapshot);
        try (InputStream in = Files.newInputStream(outcome.json())) {
            ReportDocument report = ReportJson.read(in);
            assertThat(report).isEqualTo(outcome.report());
            assertThat(report.rule("delegation-unconstrained").orElseThrow().status()).isEqualTo("FAIL");
        }
        assertThat(Files.readString(outcome.html())).contains("ch-test.local")
                .contains("Unconstrained delegation");
        assertThat(outcome.complete()).isTrue();
        assertThat(console.toString()).contains("Maturity level: 1 of 5")
                .contains(outcome.html().toString()).contains(outcome.snapshot().orElseThrow().toString());
    }

    @Test
    void filesArePrivateOnPosix() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        ScanOutcome outcome = run(AgentSnapshots.AS_OF).scan(now -> AgentSnapshots.domain().build(),
                tmp.resolve("reports"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outcome.directory())))
                .isEqualTo("rwx------");
        for (Path f : List.of(outcome.snapshot().orElseThrow(), outcome.json(), outcome.html())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString())
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void twoScansInTheSameSecondGetTwoDirectories() throws Exception {
        ScanRun run = run(AgentSnapshots.AS_OF);
        DirectorySnapshot snapshot = AgentSnapshots.domain().build();

        Path first = run.scan(now -> snapshot, tmp).directory();
        Path second = run.scan(now -> snapshot, tmp).directory();

        assertThat(first.getFileName().toString()).isEqualTo("ch-test.local-20260601-083000");
        assertThat(second.getFileName().toString()).isEqualTo("ch-test.local-20260601-083000-2");
    }

    @Test
    void anIncompleteSnapshotGivesAnIncompleteOutcome() throws Exception {
        ScanOutcome outcome = run(AgentSnapshots.AS_OF).scan(
                now -> AgentSnapshots.domain().failed(DataSource.COMPUTERS).build(), tmp);

        assertThat(outcome.complete()).isFalse();
        assertThat(outcome.report().rule("delegation-unconstrained").orElseThrow().status()).isEqualTo("NOT_EVALUATED");
        assertThat(console.toString()).contains("WARNING: incomplete result");
    }

    @Test
    void aCollectionFailureWritesNothing() {
        Path out = tmp.resolve("reports");
        CollectionException refused = new CollectionException(CollectionException.Reason.BIND_REFUSED, "bind refused",
                null);

        assertThatThrownBy(() -> run(AgentSnapshots.AS_OF).scan(now -> {
            throw refused;
        }, out)).isSameAs(refused);
        assertThat(out).doesNotExist();
    }

    @Test
    void reportingASavedSnapshotWritesOnlyTheReportsNamedAfterTheReportTime() throws Exception {
        Instant later = Instant.parse("2026-07-14T10:00:05Z");

        ScanOutcome outcome = run(later).report(AgentSnapshots.domain().build(), tmp);

        assertThat(outcome.directory().getFileName().toString()).isEqualTo("ch-test.local-20260714-100005");
        assertThat(outcome.snapshot()).isEmpty();
        assertThat(outcome.json()).exists();
        assertThat(outcome.html()).exists();
        assertThat(outcome.report().generatedAt()).isEqualTo(later);
        assertThat(outcome.report().collection().collectedAt()).isEqualTo(AgentSnapshots.AS_OF);
    }

    @Test
    void anUnwritableOutputIsAnOutputWriteExceptionNamingThePath() throws IOException {
        Path notADirectory = Files.writeString(tmp.resolve("file"), "x");

        assertThatThrownBy(() -> run(AgentSnapshots.AS_OF).report(AgentSnapshots.domain().build(), notADirectory))
                .isInstanceOf(OutputWriteException.class).hasMessageContaining(notADirectory.toString());
    }

    @Test
    void hostileDomainNamesCannotEscapeTheOutputDirectory() {
        assertThat(OutputDirectory.sanitize("../../etc")).isEqualTo("_.._etc");
        assertThat(OutputDirectory.sanitize("..")).isEqualTo("domain");
        assertThat(OutputDirectory.sanitize("")).isEqualTo("domain");
        assertThat(OutputDirectory.sanitize("CH-Exemple.LOCAL")).isEqualTo("ch-exemple.local");
        assertThat(OutputDirectory.sanitize("a/b\\c:d")).isEqualTo("a_b_c_d");
    }
}
