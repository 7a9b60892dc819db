package fr.vigie.checks.kerberos;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.testing.SnapshotFixture;
import org.junit.jupiter.api.Test;

class SpnAccountWithoutAesTest {
    private final SpnAccountWithoutAes check = new SpnAccountWithoutAes();

    @Test
    void flagsRc4OnlyAndUnsetEncryptionTypes() {
        var f = SnapshotFixture.domain();
        f.user("svc-rc4").spns("HTTP/a").encryptionTypes(0x4).add();
        f.user("svc-default").spns("HTTP/b").add();
        var found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("svc-rc4", "svc-default");
        assertThat(found.get(0).attributes()).containsEntry("msDS-SupportedEncryptionTypes", "0x4");
    }

    @Test
    void passesWhenAes128OrAes256IsEnabled() {
        var f = SnapshotFixture.domain();
        f.user("svc-aes256").spns("HTTP/a").encryptionTypes(0x10).add();
        f.user("svc-aes128").spns("HTTP/b").encryptionTypes(0x8 | 0x4).add();
        f.user("no-spn").encryptionTypes(0x4).add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
