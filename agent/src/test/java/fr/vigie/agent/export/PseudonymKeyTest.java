package fr.vigie.agent.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymKeyTest {
    @TempDir
    Path tmp;

    @Test
    void generatedOnceOwnerOnlyAndStable() throws IOException {
        Path state = tmp.resolve("state");
        PseudonymKey first = PseudonymKey.loadOrCreate(state);
        Path file = state.resolve(PseudonymKey.FILE);
        assertThat(Files.size(file)).isEqualTo(PseudonymKey.LENGTH);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
        byte[] stored = Files.readAllBytes(file);
        assertThat(PseudonymKey.loadOrCreate(state).keyId()).isEqualTo(first.keyId());
        assertThat(Files.readAllBytes(file)).isEqualTo(stored);
        assertThat(first.toString()).doesNotContain(HexFormat.of().formatHex(stored))
                .doesNotContain(HexFormat.of().formatHex(stored, 0, 8));
        assertThat(PseudonymKey.loadOrCreate(tmp.resolve("other")).keyId()).isNotEqualTo(first.keyId());
        try (var s = Files.list(state)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly(PseudonymKey.FILE);
        }
    }

    @Test
    void concurrentFirstUsesAgreeOnOneKey() throws Exception {
        Path state = tmp.resolve("race");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ids.add(pool.submit(() -> PseudonymKey.loadOrCreate(state).keyId()));
            }
            String id = ids.get(0).get();
            for (Future<String> f : ids) {
                assertThat(f.get()).isEqualTo(id);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aKeyReadableByOthersOrDamagedIsRefused() throws IOException {
        Path state = tmp.resolve("s");
        PseudonymKey.loadOrCreate(state);
        Path file = state.resolve(PseudonymKey.FILE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> PseudonymKey.loadOrCreate(state)).isInstanceOf(IOException.class)
                .hasMessageContaining("chmod 600");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.write(file, new byte[5]);
        assertThatThrownBy(() -> PseudonymKey.loadOrCreate(state)).isInstanceOf(IOException.class)
                .hasMessageContaining("damaged");
        assertThatThrownBy(() -> PseudonymKey.of(new byte[3])).isInstanceOf(IllegalArgumentException.class);
    }
}
