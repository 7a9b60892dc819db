package fr.vigie.agent.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BenchFiguresTest {
    static String print(BenchFigures f) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        f.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printedFiguresParseBack() {
        BenchFigures f = new BenchFigures(150_000, 150_180, 12_340, 3_186, 150_044, 45_670, 1_230, 612L << 20,
                1L << 30, 98L << 20, true);
        String text = print(f);
        assertThat(text).contains("collection rate:        3285 objects/s");
        BenchFigures back = BenchFigures.parse(text);
        assertThat(back).isEqualTo(f);
        assertThat(back.objectsPerSecond()).isCloseTo(3285.4, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void anIncompleteRunSaysSo() {
        BenchFigures f = new BenchFigures(100, 250, 10, 384, 90, 100, 10, 1 << 20, 1 << 30, 1 << 20, false);
        assertThat(print(f)).contains("(INCOMPLETE)");
        assertThat(BenchFigures.parse(print(f)).complete()).isFalse();
    }

    @Test
    void missingFiguresAreReported() {
        assertThatThrownBy(() -> BenchFigures.parse("  objects asked:    10\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("server entries");
    }
}
