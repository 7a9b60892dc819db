package fr.vigie.agent.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CollectionBenchmarkTest {
    @Test
    void collectsAndAuditsAGeneratedDomainServedByAChildJvm() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            code = CollectionBenchmark.run(2_000, out);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        assertThat(code).as(text).isZero();
        BenchFigures f = BenchFigures.parse(text);
        assertThat(f.objects()).isEqualTo(2_000);
        assertThat(f.complete()).as(text).isTrue();
        assertThat(f.objectsCollected()).as("about the objects asked, plus the forest's built-in ones")
                .isBetween(2_000L, 2_100L);
        assertThat(f.serverEntries()).isGreaterThan(2_000);
        assertThat(f.collectionMillis()).isPositive();
        assertThat(f.objectsPerSecond()).isPositive();
        assertThat(f.peakHeapBytes()).isPositive().isLessThanOrEqualTo(f.maxHeapBytes() + 1);
        assertThat(f.snapshotBytes()).as("about 0.3 KB or more per object").isGreaterThan(500_000);
        assertThat(text).contains("step USERS").contains("step GROUPS");
    }

    @Test
    void refusesSizesOutOfRange() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CollectionBenchmark.run(10, out)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 100 and");
        assertThatThrownBy(() -> CollectionBenchmark.run(5_000_000, out)).isInstanceOf(IllegalArgumentException.class);
    }
}
