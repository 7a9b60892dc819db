package fr.vigie.agent.collect.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.vigie.checks.Audit;
import fr.vigie.checks.RuleResult;
import fr.vigie.ruleset.CatalogueLoader;
import fr.vigie.ruleset.score.RuleStatus;
import fr.vigie.snapshot.host.HostDataSource;
import fr.vigie.snapshot.host.HostSnapshot;
import fr.vigie.snapshot.host.SambaShare;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Samba file server on loopback port 14450 with a guest-writable backup share and a restricted one: the
 * collector reads the configuration through testparm, smbclient proves the open share really takes a guest's
 * write, and the share rule flags the open share only. Needs the Debian packages samba and smbclient
 * (scripts/host/install-deps.sh); when they are missing the test is reported as skipped, not passed.
 */
class SambaSharesTest {
    @TempDir
    Path tmp;

    private static String smbclient(String share, Path local, String remote) throws Exception {
        Process p = new ProcessBuilder(CommandRunner.find("smbclient").orElseThrow().toString(),
                "//127.0.0.1/" + share, "-p", String.valueOf(SambaFileServer.PORT), "-N",
                "--option=client min protocol=SMB2", "-c", "put " + local + " " + remote)
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue() + ":" + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private HostSnapshot collect(Path smbConf) {
        Path none = tmp.resolve("absent");
        HostScanConfig config = HostScanConfig.defaults().withProcesses(false)
                .withSystemFiles(Path.of("/proc/self/mountinfo"), none.resolve("exports"), none.resolve("exports.d"),
                        smbConf, none.resolve("sssd.conf"), none.resolve("krb5.keytab"), none.resolve("status"))
                .withCommands(Optional.of("testparm"), Optional.empty(), Optional.empty())
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(30));
        return new HostCollector().collect(config);
    }

    @Test
    void aGuestWritableBackupShareOfARealSambaServerIsFoundAndTheRestrictedOneIsNot() throws Exception {
        assumeTrue(SambaFileServer.installed() && CommandRunner.find("smbclient").isPresent(),
                "samba and smbclient are not installed (scripts/host/install-deps.sh)");
        // the guest account (nobody) must be able to reach the share through the test's temporary folder
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        try (SambaFileServer server = SambaFileServer.start(tmp.resolve("samba"))) {
            Path proof = tmp.resolve("ransom-note.txt");
            Files.writeString(proof, "a guest wrote here");
            String open = smbclient("backup", proof, "proof.txt");
            assertThat(open).as("guest write to the open share").startsWith("0:");
            assertThat(server.openShare.resolve("proof.txt")).hasContent("a guest wrote here");
            String closed = smbclient("sauvegarde-restreinte", proof, "proof.txt");
            assertThat(closed).as("guest write to the restricted share").doesNotStartWith("0:")
                    .containsPattern("NT_STATUS_(ACCESS_DENIED|LOGON_FAILURE|ACCOUNT_DISABLED|BAD_NETWORK_NAME)");
            assertThat(server.restrictedShare.resolve("proof.txt")).doesNotExist();

            HostSnapshot host = collect(server.config);
            var step = host.step(HostDataSource.SAMBA_SHARES).orElseThrow();
            assertThat(step.isComplete()).as(step.toString()).isTrue();
            assertThat(step.notes()).contains("read with testparm -s -l");
            SambaShare backup = host.sambaShares().stream().filter(s -> s.name().equals("backup")).findFirst()
                    .orElseThrow();
            assertThat(backup.guestOk()).isTrue();
            assertThat(backup.writable()).isTrue();
            assertThat(backup.path()).isEqualTo(server.openShare.toString());
            SambaShare restricted = host.sambaShares().stream()
                    .filter(s -> s.name().equals("sauvegarde-restreinte")).findFirst().orElseThrow();
            assertThat(restricted.writable()).isFalse();
            assertThat(restricted.validUsers()).containsExactly("svcbackup");
            assertThat(restricted.writeList()).containsExactly("svcbackup");

            RuleResult r = new Audit(CatalogueLoader.builtIn()).run(WindowsRecordsTestSupport.emptyDomain(),
                    Optional.of(host)).results().stream().filter(x -> x.rule().id().equals("backup-share-open-write"))
                    .findFirst().orElseThrow();
            assertThat(r.status()).isEqualTo(RuleStatus.FAIL);
            assertThat(r.evidence()).extracting(e -> e.name()).containsExactly("backup");
            assertThat(r.evidence().get(0).object()).isEqualTo(server.openShare.toString());
            assertThat(r.evidence().get(0).attributes().get("who can write"))
                    .contains("guests (guest ok = yes, read only = no)");
        }
    }

    @Test
    void withoutTestparmSmbConfIsParsedDirectlyWithTheSameResult() throws Exception {
        Path conf = SambaFileServer.writeConfig(tmp.resolve("samba2"));
        Path none = tmp.resolve("absent");
        HostScanConfig config = HostScanConfig.defaults().withProcesses(false)
                .withSystemFiles(Path.of("/proc/self/mountinfo"), none.resolve("exports"), none.resolve("exports.d"),
                        conf, none.resolve("sssd.conf"), none.resolve("krb5.keytab"), none.resolve("status"))
                .withCommands(Optional.of("/nonexistent/testparm"), Optional.empty(), Optional.empty());
        HostSnapshot host = new HostCollector().collect(config);
        assertThat(host.step(HostDataSource.SAMBA_SHARES).orElseThrow().notes())
                .contains("testparm not installed: smb.conf parsed directly (include files not followed)");
        assertThat(host.sambaShares()).extracting(SambaShare::name).containsExactly("backup", "sauvegarde-restreinte");
        SambaShare backup = host.sambaShares().get(0);
        assertThat(backup.guestOk()).isTrue();
        assertThat(backup.writable()).as("writable = yes folds into read only = No").isTrue();
        assertThat(List.of(host.sambaShares().get(1).writable())).containsExactly(false);
    }
}
