package fr.vigie.agent.collect.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MountInfoParserTest {
    @Test
    void readsTypeSourceReadOnlyAndOptionsFromKernelLines() {
        var p = MountInfoParser.parse(List.of(
                "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard",
                "90 27 0:50 / /mnt/backup rw,relatime shared:5 - nfs4 nas01:/volume1/backup rw,vers=4.2,sec=sys",
                "91 27 0:51 / /mnt/my\\040archive ro,nosuid master:2 - cifs //nas01/Archive rw,vers=3.1.1",
                "92 27 8:17 / /srv/veeam rw - xfs /dev/sdb1 rw",
                "garbage line"), "/proc/self/mountinfo",
                source -> source.equals("/dev/sdb1") ? Optional.of("iscsi") : Optional.empty());
        assertThat(p.mounts()).extracting(m -> m.mountPoint())
                .containsExactly("/", "/mnt/backup", "/mnt/my archive", "/srv/veeam");
        var nfs = p.mounts().get(1);
        assertThat(nfs.type()).isEqualTo("nfs4");
        assertThat(nfs.source()).isEqualTo("nas01:/volume1/backup");
        assertThat(nfs.readOnly()).isFalse();
        assertThat(nfs.options()).containsExactly("rw", "relatime", "vers=4.2", "sec=sys");
        assertThat(p.mounts().get(2).readOnly()).isTrue();
        assertThat(p.mounts().get(3).transport()).hasValue("iscsi");
        assertThat(p.errors()).containsExactly("/proc/self/mountinfo:5: not a mountinfo line: 'garbage line'");
    }

    @Test
    void readsThisMachinesOwnMountsAndFindsTheRoot() throws Exception {
        Path mountinfo = Path.of("/proc/self/mountinfo");
        var p = MountInfoParser.parse(Files.readAllLines(mountinfo), mountinfo.toString(), s -> Optional.empty());
        assertThat(p.errors()).isEmpty();
        assertThat(p.mounts()).anySatisfy(m -> {
            assertThat(m.mountPoint()).isEqualTo("/");
            assertThat(m.type()).isNotBlank();
        });
        assertThat(p.mounts()).anySatisfy(m -> assertThat(m.mountPoint()).isEqualTo("/proc"));
    }
}
