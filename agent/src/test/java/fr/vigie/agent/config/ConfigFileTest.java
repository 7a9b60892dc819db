package fr.vigie.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @TempDir
    Path tmp;

    private Path config(String yaml) throws IOException {
        return Files.writeString(tmp.resolve("vigie.yaml"), yaml);
    }

    @Test
    void readsEveryKeyAndResolvesRelativePathsAgainstTheFile() throws Exception {
        ScanOptions o = ConfigFile.read(config("""
                server: dc1.ch-exemple.local
                port: 3269
                starttls: true
                trust-store: certs/ca.p12
                trust-store-password-file: /etc/vigie/ca.pass
                bind-dn: audit@ch-exemple.local
                password-file: audit.pass
                base-dn: DC=ch-exemple,DC=local
                out: reports
                thresholds: site.yaml
                ruleset: rules
                timeout: 2m
                """));

        assertThat(o.server()).contains("dc1.ch-exemple.local");
        assertThat(o.port()).contains(3269);
        assertThat(o.startTls()).contains(true);
        assertThat(o.trustStore()).contains(tmp.resolve("certs/ca.p12").toAbsolutePath());
        assertThat(o.trustStorePasswordFile()).contains(Path.of("/etc/vigie/ca.pass"));
        assertThat(o.passwordFile()).contains(tmp.resolve("audit.pass").toAbsolutePath());
        assertThat(o.out()).contains(tmp.resolve("reports").toAbsolutePath());
        assertThat(o.timeout()).contains(Duration.ofMinutes(2));
        assertThat(o.baseDn()).contains("DC=ch-exemple,DC=local");
    }

    @Test
    void anUnknownKeyIsNamed() throws IOException {
        Path file = config("server: dc1\nservre: dc2\n");
        assertThatThrownBy(() -> ConfigFile.read(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'servre'").hasMessageContaining(file.toString())
                .hasMessageContaining("known keys: backup-locations, backup-software, base-dn, bind-dn");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheKey() throws IOException {
        assertThatThrownBy(() -> ConfigFile.read(config("port: high\n"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'port'").hasMessageContaining("expected an integer, got 'high'");
        assertThatThrownBy(() -> ConfigFile.read(config("starttls: maybe\n"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'starttls'").hasMessageContaining("true or false");
        assertThatThrownBy(() -> ConfigFile.read(config("timeout: soon\n"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'timeout'").hasMessageContaining("not a duration");
        assertThatThrownBy(() -> ConfigFile.read(config("server:\n"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'server'").hasMessageContaining("no value");
    }

    @Test
    void aPasswordInTheFileIsRefusedWithoutRepeatingIt() throws IOException {
        Path file = config("server: dc1\npassword: Hunter2-secret\n");
        assertThatThrownBy(() -> ConfigFile.read(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'password'").hasMessageContaining("password-file")
                .hasMessageNotContaining("Hunter2-secret");
    }

    @Test
    void duplicateKeysMalformedYamlAndMissingFilesAreClearErrors() throws IOException {
        assertThatThrownBy(() -> ConfigFile.read(config("server: a\nserver: b\n"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("server");
        assertThatThrownBy(() -> ConfigFile.read(config("server: [unclosed\n"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> ConfigFile.read(config("- a\n- b\n"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("must be a YAML mapping");
        assertThatThrownBy(() -> ConfigFile.read(tmp.resolve("absent.yaml"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("does not exist");
    }
}
