package fr.vigie.agent.collect.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Permission denied for real: the tests run as root, which bypasses file permissions, so the scan runs in a child
 * JVM as user nobody (65534) through {@code setpriv}, on a tree with a {@code chmod 000} folder and location.
 */
class PermissionDeniedTest {
    @TempDir
    Path tmp;

    @Test
    void unreadableFoldersAndLocationsAreNotedAndMakeTheScanPartialOrUnreadable() throws Exception {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path open = tmp.resolve("backup");
        BackupLocationScannerTest.file(open.resolve("a.vbk"), "rw-r--r--", Instant.parse("2026-05-31T00:00:00Z"));
        BackupLocationScannerTest.file(open.resolve("locked/b.vbk"), "rw-r--r--", Instant.parse("2026-05-31T00:00:00Z"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(open.resolve("locked"), PosixFilePermissions.fromString("---------"));
        Path closed = tmp.resolve("closed");
        BackupLocationScannerTest.file(closed.resolve("c.vbk"), "rw-r--r--", Instant.parse("2026-05-31T00:00:00Z"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));

        String classpath = readableClasspath(tmp.resolve("cp"));
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                java, "-cp", classpath, ScanAsOtherUser.class.getName(), open.toString(), closed.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("LOCATION " + open + " PARTIAL backups=1")
                .contains("NOTE " + open.toRealPath().resolve("locked") + ": permission denied")
                .contains("LOCATION " + closed + " UNREADABLE backups=0")
                .contains("NOTE " + closed + ": permission denied");
    }

    /** The test class path copied where user nobody can read it (~/.m2 and the work tree may not be readable). */
    private static String readableClasspath(Path dir) throws Exception {
        Files.createDirectories(dir);
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path src = Path.of(entry);
            if (!Files.exists(src)) {
                continue;
            }
            Path dst = dir.resolve((n++) + "-" + src.getFileName());
            if (Files.isDirectory(src)) {
                try (Stream<Path> walk = Files.walk(src)) {
                    for (Path s : (Iterable<Path>) walk::iterator) {
                        Path d = dst.resolve(src.relativize(s).toString());
                        if (Files.isDirectory(s)) {
                            Files.createDirectories(d);
                        } else {
                            Files.copy(s, d, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            } else {
                Files.copy(src, dst);
            }
            out.add(dst.toString());
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return String.join(File.pathSeparator, out);
    }
}
