package fr.vigie.checks.stale;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Uac;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesOnlyTest {
    private final DesOnly check = new DesOnly();

    @Test
    void flagsUseDesKeyOnly() {
        var f = SnapshotFixture.domain();
        f.user("svc-old-unix").flags(Uac.USE_DES_KEY_ONLY).add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("svc-old-unix");
        assertThat(found.get(0).attributes())
                .containsEntry("userAccountControl", "0x200200 (NORMAL_ACCOUNT|USE_DES_KEY_ONLY)")
                .containsEntry("msDS-SupportedEncryptionTypes", "not set");
    }

    @Test
    void flagsEncryptionTypesThatAreDesOnly() {
        var f = SnapshotFixture.domain();
        f.user("both-des").encryptionTypes(0x3).add();
        f.user("crc-only").encryptionTypes(0x1).add();
        f.computer("MD5-ONLY").encryptionTypes(0x2 | 0x20).add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("both-des", "crc-only", "MD5-ONLY$");
        assertThat(found.get(0).attributes())
                .containsEntry("msDS-SupportedEncryptionTypes", "0x3 (DES-CBC-CRC|DES-CBC-MD5)");
    }

    @Test
    void ignoresDesAlongsideStrongerTypesNoDesUnsetTypesAndDisabledAccounts() {
        var f = SnapshotFixture.domain();
        f.user("des-and-rc4").encryptionTypes(0x3 | 0x4).add();
        f.user("des-and-aes").encryptionTypes(0x1 | 0x10).add();
        f.user("aes").encryptionTypes(0x18).add();
        f.user("zero").encryptionTypes(0).add();
        f.user("fast-only").encryptionTypes(0x20).add();
        f.user("unset").add();
        f.user("disabled").flags(Uac.USE_DES_KEY_ONLY).encryptionTypes(0x3).disabled().add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
