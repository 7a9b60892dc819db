package fr.vigie.agent.collect.host;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Samba file server ({@code smbd}, Debian package samba) for tests: standalone, on loopback only, on a
 * non-standard port (a Samba AD DC test may hold 445), every directory under the test's temporary folder. Shares:
 * {@code [backup]} guest-writable (the planted problem) and {@code [sauvegarde-restreinte]} limited to one user.
 * Started by {@link #start}, stopped by {@link #close} (only the process this class started).
 */
final class SambaFileServer implements AutoCloseable {
    static final int PORT = 14450;

    final Path config;
    final Path openShare;
    final Path restrictedShare;
    private final Process process;

    private SambaFileServer(Path config, Path openShare, Path restrictedShare, Process process) {
        this.config = config;
        this.openShare = openShare;
        this.restrictedShare = restrictedShare;
        this.process = process;
    }

    static boolean installed() {
        return CommandRunner.find("smbd").isPresent() && CommandRunner.find("testparm").isPresent();
    }

    /** Writes the configuration under {@code dir}; the server is not started. */
    static Path writeConfig(Path dir) throws IOException {
        for (String d : List.of("run", "lock", "state", "cache", "private", "ncalrpc", "log", "srv/backup",
                "srv/restricted")) {
            Files.createDirectories(dir.resolve(d));
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir.resolve("srv"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir.resolve("srv/backup"), PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(dir.resolve("srv/restricted"), PosixFilePermissions.fromString("rwxr-x---"));
        Path conf = dir.resolve("smb.conf");
        Files.writeString(conf, String.join("\n",
                "[global]",
                "   workgroup = VIGIETEST",
                "   server role = standalone server",
                "   smb ports = " + PORT,
                "   interfaces = lo",
                "   bind interfaces only = yes",
                "   disable netbios = yes",
                "   map to guest = Bad User",
                "   guest account = nobody",
                "   server min protocol = SMB2",
                "   load printers = no",
                "   printing = bsd",
                "   printcap name = /dev/null",
                "   disable spoolss = yes",
                "   pid directory = " + dir.resolve("run"),
                "   lock directory = " + dir.resolve("lock"),
                "   state directory = " + dir.resolve("state"),
                "   cache directory = " + dir.resolve("cache"),
                "   private dir = " + dir.resolve("private"),
                "   ncalrpc dir = " + dir.resolve("ncalrpc"),
                "   passdb backend = tdbsam:" + dir.resolve("private/passdb.tdb"),
                "   log file = " + dir.resolve("log/log.%m"),
                "   log level = 1",
                "",
                "[backup]",
                "   comment = Veeam repository (planted problem: guest writable)",
                "   path = " + dir.resolve("srv/backup"),
                "   guest ok = yes",
                "   writable = yes",
                "",
                "[sauvegarde-restreinte]",
                "   path = " + dir.resolve("srv/restricted"),
                "   valid users = svcbackup",
                "   read only = yes",
                "   write list = svcbackup",
                "   guest ok = no",
                ""));
        return conf;
    }

    static SambaFileServer start(Path dir) throws Exception {
        Path conf = writeConfig(dir);
        // own session and process group: on shutdown smbd signals its whole process group, which must not be
        // the test JVM's (it would stop Maven)
        Process p = new ProcessBuilder(CommandRunner.find("setsid").orElseThrow().toString(),
                CommandRunner.find("smbd").orElseThrow().toString(), "--foreground", "--no-process-group", "--debug-stdout",
                "-s", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log/smbd.out").toFile()).start();
        SambaFileServer server = new SambaFileServer(conf, dir.resolve("srv/backup"), dir.resolve("srv/restricted"), p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("smbd exited with " + p.exitValue() + ": "
                        + Files.readString(dir.resolve("log/smbd.out")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", PORT), 500);
                return server;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        server.close();
        throw new IllegalStateException("smbd did not listen on 127.0.0.1:" + PORT + " within 30 s");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
