package fr.vigie.snapshot.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.checks.testing.HostSnapshotFixture;
import fr.vigie.snapshot.SnapshotJson.SnapshotFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostSnapshotJsonTest {
    private static HostSnapshot sample() {
        return HostSnapshotFixture.windowsHost().joined("ch-test.local")
                .mount("Z:", "smb", "\\\\nas\\backup", false)
                .export("/srv/backup", "*", "rw", "no_root_squash")
                .samba("backup", "/srv/backup", true, true, List.of(), List.of("@users"))
                .windowsShare("Backup", "D:\\Backup",
                        List.of(AccessEntry.of("S-1-1-0", "Everyone", AceType.ALLOW, AccessRights.FULL_CONTROL, 0)),
                        List.of())
                .software("Veeam", DetectionKind.SERVICE, "VeeamBackupSvc", "CH-TEST\\svc", "S-1-5-21-1-2-3-1105")
                .process(new HostProcess(42, "borg", "/usr/bin/borg", Optional.of("root"), Optional.of("0")))
                .service(new HostService("bareos-fd", "Bareos", "RUNNING", Optional.of("root"), Optional.of(7)))
                .location("/srv/backup", HostSnapshotFixture.item("/srv/backup/a.vbk", BackupItemKind.FILE, "0640",
                        HostSnapshotFixture.hoursAgo(3), Optional.of(true)))
                .failed(HostDataSource.MOUNTS)
                .build();
    }

    @Test
    void roundTripsEveryFieldAndMarksTheDocumentAsAHostSnapshot() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HostSnapshotJson.write(sample(), out);
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"kind\":\"vigie-host-snapshot\"").contains("\"permissions\":\"0640\"");
        HostSnapshot back = HostSnapshotJson.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(back).isEqualTo(sample());
        assertThat(back.missingSources()).containsExactly(HostDataSource.MOUNTS);
    }

    @Test
    void writesAtomicallyToAFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("host.json");
        HostSnapshotJson.write(sample(), f);
        assertThat(HostSnapshotJson.read(f)).isEqualTo(sample());
        assertThat(Files.exists(dir.resolve("host.json.tmp"))).isFalse();
    }

    @Test
    void refusesADirectorySnapshotAnUnknownVersionAndMalformedContent() {
        assertThatThrownBy(() -> read("{\"schemaVersion\":1,\"collectedAt\":\"2026-01-01T00:00:00Z\"}"))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("not a Vigie host snapshot");
        assertThatThrownBy(() -> read("{\"kind\":\"vigie-host-snapshot\",\"schemaVersion\":9}"))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("schemaVersion 9 is not supported");
        assertThatThrownBy(() -> read("{\"kind\":\"vigie-host-snapshot\",\"schemaVersion\":1}"))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("malformed");
    }

    private static HostSnapshot read(String json) throws Exception {
        return HostSnapshotJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
