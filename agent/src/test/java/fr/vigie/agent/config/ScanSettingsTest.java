package fr.vigie.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.agent.collect.ldap.LdapTarget;
import fr.vigie.agent.collect.ldap.Transport;
import fr.vigie.agent.collect.ldap.TrustPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScanSettingsTest {
    private static ScanOptions.Builder minimal() {
        return ScanOptions.builder().server("dc1").bindDn("audit@ch.local");
    }

    @Test
    void defaultsAreLdapsOn636WithTheSystemTrustAndAPrompt() throws Exception {
        ScanSettings s = ScanSettings.resolve(minimal().build());

        assertThat(s.transport()).isEqualTo(Transport.LDAPS);
        assertThat(s.port()).isEqualTo(636);
        assertThat(s.trust()).isInstanceOf(TrustSetting.SystemDefault.class);
        assertThat(s.password()).isInstanceOf(PasswordSource.Prompt.class);
        assertThat(s.out()).isEqualTo(Path.of("vigie-reports"));
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void startTlsAndPlainLdapDefaultToPort389AndPlainLdapWarns() throws Exception {
        assertThat(ScanSettings.resolve(minimal().startTls(true).build()).port()).isEqualTo(389);
        ScanSettings plain = ScanSettings.resolve(minimal().insecurePlainLdap(true).build());
        assertThat(plain.port()).isEqualTo(389);
        assertThat(plain.transport()).isEqualTo(Transport.PLAIN_INSECURE);
        assertThat(plain.warnings()).singleElement().asString().contains("NOT encrypted");
    }

    @Test
    void missingServerOrAccountSaysWhichOptionToUse() {
        assertThatThrownBy(() -> ScanSettings.resolve(ScanOptions.builder().bindDn("a").build()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--server");
        assertThatThrownBy(() -> ScanSettings.resolve(ScanOptions.builder().server("dc1").build()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--bind-dn");
    }

    @Test
    void optionsThatExcludeEachOtherAreRefused() {
        assertThatThrownBy(() -> ScanSettings.resolve(minimal().startTls(true).insecurePlainLdap(true).build()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--starttls and --insecure-plain-ldap");
        assertThatThrownBy(() -> ScanSettings.resolve(minimal().trustStore(Path.of("ca.p12"))
                .insecureTrustAnyCertificate(true).build()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--trust-store and --insecure-trust-any-certificate");
        assertThatThrownBy(() -> ScanSettings.resolve(minimal().passwordFile(Path.of("p")).passwordEnv("P").build()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--password-file and --password-env");
        assertThatThrownBy(() -> ScanSettings.resolve(minimal().insecurePlainLdap(true).pinSha256("ab".repeat(32))
                .build())).isInstanceOf(ConfigException.class).hasMessageContaining("no meaning");
        assertThatThrownBy(() -> ScanSettings.resolve(minimal().port(70000).build()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("70000");
    }

    @Test
    void aPinIsNormalizedAndValidated() throws Exception {
        String colons = String.join(":", java.util.Collections.nCopies(32, "AB"));
        ScanSettings s = ScanSettings.resolve(minimal().pinSha256(colons).build());
        assertThat(s.trust()).isEqualTo(new TrustSetting.Pinned("ab".repeat(32)));
        assertThatThrownBy(() -> ScanSettings.resolve(minimal().pinSha256("abc").build()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("64 hex digits");
    }

    @Test
    void aPasswordEnvMustNameAVariableNotHoldThePassword() {
        assertThatThrownBy(() -> ScanSettings.resolve(minimal().passwordEnv("S3cr3t!pass").build()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not an environment variable name");
    }

    @Test
    void theCommandLineOverridesTheFileAndExclusiveGroupsMoveTogether() throws Exception {
        ScanOptions file = ScanOptions.builder().server("from-file").bindDn("a@b").passwordFile(Path.of("/p"))
                .insecurePlainLdap(true).port(389).build();
        ScanOptions cli = ScanOptions.builder().server("from-cli").passwordEnv("VIGIE_PW").startTls(true).build();

        ScanSettings s = ScanSettings.resolve(file.overriddenBy(cli));

        assertThat(s.server()).isEqualTo("from-cli");
        assertThat(s.bindDn()).isEqualTo("a@b");
        assertThat(s.password()).isEqualTo(new PasswordSource.FromEnvironment("VIGIE_PW"));
        assertThat(s.transport()).isEqualTo(Transport.STARTTLS);
        assertThat(s.port()).isEqualTo(389);
    }

    @Test
    void theTargetCarriesTheSettingsAndTheSecret() throws Exception {
        ScanSettings s = ScanSettings.resolve(minimal().pinSha256("cd".repeat(32)).baseDn("DC=ch,DC=local")
                .timeout(Duration.ofSeconds(5)).build());
        Secret secret = new PasswordSource.FromEnvironment("PW").read(Map.of("PW", "pw")::get, m -> null, "pw");

        LdapTarget t = s.toTarget(secret);

        assertThat(t.address()).isEqualTo("dc1:636");
        assertThat(t.trust()).isEqualTo(new TrustPolicy.PinnedCertificate("cd".repeat(32)));
        assertThat(t.baseDn()).contains("DC=ch,DC=local");
        assertThat(t.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(new String(t.password().chars())).isEqualTo("pw");
    }

    @Test
    void durationsAcceptUnitsAndRefuseNonsense() throws Exception {
        assertThat(Durations.parse("45", "--timeout")).isEqualTo(Duration.ofSeconds(45));
        assertThat(Durations.parse("500ms", "--timeout")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("PT1M", "--timeout")).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> Durations.parse("0", "--timeout")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> Durations.parse("later", "--timeout")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--timeout");
    }
}
