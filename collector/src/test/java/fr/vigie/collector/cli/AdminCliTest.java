package fr.vigie.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.collector.store.CollectorDatabase;
import fr.vigie.collector.store.DatabaseSettings;
import fr.vigie.collector.tls.SelfSignedCertificate;
import fr.vigie.wire.EnrollmentToken;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The admin CLI against an embedded database that is already running (as while {@code serve} runs). */
class AdminCliTest {
    @TempDir
    static Path data;
    static CollectorDatabase running;

    @BeforeAll
    static void start() throws Exception {
        running = CollectorDatabase.open(DatabaseSettings.embedded(data, true));
        SelfSignedCertificate.ensure(data.resolve("tls/collector.p12"), data.resolve("tls/keystore.password"),
                List.of("localhost"));
    }

    @AfterAll
    static void stop() throws Exception {
        running.close();
    }

    record Result(int code, String out, String err) {}

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = CollectorCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir";
        all[args.length + 1] = data.toString();
        return new Result(cl.execute(all), out.toString(), err.toString());
    }

    @Test
    void establishmentsAreCreatedOnceWithAValidFiness() {
        Result ok = cli("establishment", "create", "--finess", "2A0000014", "--name", "CH d'Ajaccio", "--region", "Corse",
                "--category", "CH");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("2A0000014 created");
        assertThat(cli("establishment", "create", "--finess", "2A0000014", "--name", "x", "--region", "Corse",
                "--category", "CH").code()).isEqualTo(ExitCodes.REFUSED);
        Result bad = cli("establishment", "create", "--finess", "12345", "--name", "x", "--region", "y", "--category", "CH");
        assertThat(bad.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(bad.err()).contains("FINESS");
        assertThat(cli("establishment", "create", "--finess", "123456789", "--name", "x", "--region", "y",
                "--category", "HOSPICE").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli("establishment", "list").out()).contains("2A0000014").contains("CH d'Ajaccio");
    }

    @Test
    void aMintedTokenIsWrittenOwnerOnlyAndOnlyItsHashIsStored() throws Exception {
        cli("establishment", "create", "--finess", "690000880", "--name", "HCL", "--region", "ARA", "--category", "CHU");
        Path file = data.resolve("t1");
        Result r = cli("token", "mint", "--establishment", "690000880", "--url", "https://collector.example:8443",
                "--expires", "2d", "--uses", "3", "--out", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        EnrollmentToken t = EnrollmentToken.decode(Files.readString(file));
        assertThat(r.out()).doesNotContain(t.secret());
        assertThat(t.establishment()).isEqualTo("690000880");
        assertThat(t.pinSha256()).isNotBlank();
        byte[] stored = running.jdbi().withHandle(h -> h.createQuery(
                "SELECT secret_sha256 FROM enrollment_tokens WHERE max_uses = 3").mapTo(byte[].class).one());
        assertThat(stored).isEqualTo(EnrollmentToken.hashSecret(t.secret()));
        // never overwrites an existing file
        assertThat(cli("token", "mint", "--establishment", "690000880", "--url", "https://c:1", "--out", file.toString())
                .code()).isEqualTo(ExitCodes.FAILURE);
        // to stdout: printed once, the note on stderr
        Result shown = cli("token", "mint", "--establishment", "690000880", "--url", "https://c:1");
        assertThat(shown.out().strip()).startsWith(EnrollmentToken.PREFIX);
        assertThat(shown.err()).contains("shown once");
        assertThat(cli("token", "mint", "--establishment", "000000000", "--url", "https://c:1").code())
                .isEqualTo(ExitCodes.REFUSED);
    }

    @Test
    void agentCommandsRefuseUnknownAgents() {
        assertThat(cli("agents", "list").out()).contains("LAST CHECK-IN");
        Result r = cli("agent", "revoke", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        assertThat(r.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(r.err()).contains("unknown agent");
        assertThat(cli("agent", "approve-replacement", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").code()).isEqualTo(ExitCodes.REFUSED);
    }
}
