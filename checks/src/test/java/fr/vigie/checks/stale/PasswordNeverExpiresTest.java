package fr.vigie.checks.stale;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static fr.vigie.checks.testing.SnapshotFixture.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Uac;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordNeverExpiresTest {
    private final PasswordNeverExpires check = new PasswordNeverExpires();

    @Test
    void flagsAnEnabledUserWhosePasswordNeverExpires() {
        var f = SnapshotFixture.domain();
        f.user("svc-backup").flags(Uac.DONT_EXPIRE_PASSWORD).pwdLastSet(daysAgo(2000)).add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("svc-backup");
        assertThat(found.get(0).attributes())
                .containsEntry("userAccountControl", "0x10200 (NORMAL_ACCOUNT|DONT_EXPIRE_PASSWORD)")
                .containsEntry("pwdLastSet", daysAgo(2000) + " (2000 days ago)");
    }

    @Test
    void ignoresDisabledUsersComputersAndUsersWithExpiringPasswords() {
        var f = SnapshotFixture.domain();
        f.user("old-svc").flags(Uac.DONT_EXPIRE_PASSWORD).disabled().add();
        f.computer("WKS").flags(Uac.DONT_EXPIRE_PASSWORD).add();
        f.user("alice").add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
