package fr.vigie.agent.collect.host;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.snapshot.host.AccessEntry;
import fr.vigie.snapshot.host.BackupItem;
import fr.vigie.snapshot.host.BackupItemKind;
import fr.vigie.snapshot.host.BackupLocation;
import fr.vigie.snapshot.host.LocationStatus;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real file trees made by the test: real permissions, timestamps, immutable attribute, FIFOs. */
class BackupLocationScannerTest {
    @TempDir
    Path tmp;
    private final List<Path> immutable = new ArrayList<>();

    @AfterEach
    void clearImmutableFlags() throws Exception {
        for (Path p : immutable) {
            new ProcessBuilder("chattr", "-i", p.toString()).inheritIO().start().waitFor();
        }
    }

    static Path file(Path p, String perms, Instant modified) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "backup data " + p.getFileName());
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        Files.setLastModifiedTime(p, FileTime.from(modified));
        return p;
    }

    private static BackupLocationScanner scanner(FileSecurity security) {
        return new BackupLocationScanner(security, 1000, 8, Duration.ofSeconds(20));
    }

    private static LinuxFileFlags nativeFlags() {
        return new LinuxFileFlags(true, Optional.empty(), Duration.ofSeconds(5));
    }

    private static BackupItem item(BackupLocation l, Path p) {
        return l.items().stream().filter(i -> i.path().equals(p.toString())).findFirst().orElseThrow(
                () -> new AssertionError("no item " + p + " in " + l.items()));
    }

    @Test
    void findsBackupFilesWithPermissionsOwnerTimesAndTheNewest() throws Exception {
        Path root = tmp.resolve("backup");
        Instant old = Instant.parse("2026-05-01T10:00:00Z");
        Instant recent = Instant.parse("2026-05-30T22:00:00Z");
        file(root.resolve("veeam/Job1/Job1D2026-05-01.vbk"), "rw-rw-rw-", old);
        file(root.resolve("veeam/Job1/Job1D2026-05-30.vib"), "rw-------", recent);
        file(root.resolve("sql/compta.bak"), "rw-r--r--", old);
        file(root.resolve("notes.txt"), "rw-rw-rw-", recent.plusSeconds(3600));
        Files.setPosixFilePermissions(root.resolve("veeam/Job1"), PosixFilePermissions.fromString("rwxrwxrwx"));
        BackupLocation l = scanner(FileSecurity.none()).scan(root, true);
        assertThat(l.status()).isEqualTo(LocationStatus.SCANNED);
        assertThat(l.backupCount()).isEqualTo(3);
        assertThat(l.newestPath()).hasValue(root.resolve("veeam/Job1/Job1D2026-05-30.vib").toRealPath().toString());
        assertThat(l.newestModified()).hasValue(recent);
        BackupItem vbk = item(l, root.resolve("veeam/Job1/Job1D2026-05-01.vbk").toRealPath());
        assertThat(vbk.kind()).isEqualTo(BackupItemKind.FILE);
        assertThat(vbk.format()).isEqualTo("veeam-full");
        assertThat(vbk.permissions()).hasValue("0666");
        assertThat(vbk.owner()).hasValue("root");
        assertThat(item(l, root.resolve("sql/compta.bak").toRealPath()).permissions()).hasValue("0644");
        assertThat(item(l, root.resolve("veeam/Job1").toRealPath()).kind()).isEqualTo(BackupItemKind.DIRECTORY);
        assertThat(item(l, root.resolve("veeam/Job1").toRealPath()).permissions()).hasValue("0777");
        assertThat(l.items()).noneMatch(i -> i.path().endsWith("notes.txt"));
    }

    @Test
    void recognisesBorgAndResticRepositoriesAndWindowsImageFolders() throws Exception {
        Path root = tmp.resolve("repos");
        Instant newest = Instant.parse("2026-05-31T03:00:00Z");
        Path borg = root.resolve("borg-repo");
        file(borg.resolve("config"), "rw-r--r--", Instant.parse("2025-01-01T00:00:00Z"));
        Files.writeString(borg.resolve("config"), "[repository]\nversion = 1\nsegments_per_dir = 1000\n");
        Files.setLastModifiedTime(borg.resolve("config"), FileTime.from(Instant.parse("2025-01-01T00:00:00Z")));
        file(borg.resolve("data/0/17"), "rw-------", newest);
        Path restic = root.resolve("restic-repo");
        file(restic.resolve("config"), "r--------", Instant.parse("2025-01-01T00:00:00Z"));
        file(restic.resolve("keys/3f9a"), "r--r--r--", Instant.parse("2025-01-01T00:00:00Z"));
        file(restic.resolve("data/ab/abcdef"), "r--------", Instant.parse("2026-05-20T00:00:00Z"));
        file(restic.resolve("snapshots/0011"), "r--------", Instant.parse("2026-05-20T01:00:00Z"));
        file(root.resolve("srv01/WindowsImageBackup/SRV01/Backup 2026-05-10/disk.vhdx"), "rw-------",
                Instant.parse("2026-05-10T00:00:00Z"));
        BackupLocation l = scanner(FileSecurity.none()).scan(root, true);
        Path r = root.toRealPath();
        assertThat(item(l, r.resolve("borg-repo")).kind()).isEqualTo(BackupItemKind.REPOSITORY);
        assertThat(item(l, r.resolve("borg-repo")).format()).isEqualTo("borg");
        assertThat(item(l, r.resolve("borg-repo")).modified()).hasValue(newest);
        assertThat(item(l, r.resolve("borg-repo/config")).kind()).isEqualTo(BackupItemKind.REPOSITORY_FILE);
        assertThat(item(l, r.resolve("restic-repo")).format()).isEqualTo("restic");
        assertThat(item(l, r.resolve("restic-repo/keys/3f9a")).permissions()).hasValue("0444");
        assertThat(item(l, r.resolve("srv01/WindowsImageBackup")).kind()).isEqualTo(BackupItemKind.IMAGE_FOLDER);
        assertThat(l.backupCount()).isEqualTo(3);
        assertThat(l.newestPath()).hasValue(r.resolve("borg-repo").toString());
        assertThat(l.items()).noneMatch(i -> i.path().contains("/data/"));
    }

    @Test
    void readsTheImmutableAttributeSetWithChattrThroughTheIoctlAndThroughLsattr() throws Exception {
        Path root = tmp.resolve("hardened");
        Path locked = file(root.resolve("locked.vbk"), "rw-------", Instant.parse("2026-05-31T00:00:00Z"));
        Path open = file(root.resolve("open.vbk"), "rw-------", Instant.parse("2026-05-31T00:00:00Z"));
        int rc = new ProcessBuilder("chattr", "+i", locked.toString()).inheritIO().start().waitFor();
        assertThat(rc).as("chattr +i (needs CAP_LINUX_IMMUTABLE and ext4/xfs)").isZero();
        immutable.add(locked);
        BackupLocation l = scanner(FileSecurity.linux(nativeFlags())).scan(root, true);
        assertThat(item(l, locked.toRealPath()).immutable()).hasValue(true);
        assertThat(item(l, open.toRealPath()).immutable()).hasValue(false);

        LinuxFileFlags lsattrOnly = new LinuxFileFlags(false, Optional.of("lsattr"), Duration.ofSeconds(5));
        assertThat(lsattrOnly.immutable(locked)).hasValue(true);
        assertThat(lsattrOnly.immutable(open)).hasValue(false);
        assertThat(LinuxFileFlags.parseLsattr("----i---------e------- /x")).hasValue(LinuxFileFlags.FS_IMMUTABLE_FL);
        assertThat(LinuxFileFlags.parseLsattr("lsattr: Operation not supported While reading flags on /x")).isEmpty();
    }

    @Test
    void aFileSystemWithoutFlagsGivesUnknownNotFalse() throws Exception {
        Path fifo = tmp.resolve("a.fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        // /proc files do not support FS_IOC_GETFLAGS: the attribute is unknown, not "not immutable"
        assertThat(nativeFlags().immutable(Path.of("/proc/self/status"))).isEmpty();
        // a FIFO is opened non-blocking: the call returns at once instead of waiting for a writer
        TimeBox.Outcome<Optional<Boolean>> r = TimeBox.run("fifo", Duration.ofSeconds(5),
                () -> nativeFlags().immutable(fifo));
        assertThat(r.timedOut()).isFalse();
    }

    @Test
    void aMissingLocationIsRecordedAsMissingWithANote() {
        BackupLocation l = scanner(FileSecurity.none()).scan(tmp.resolve("nowhere"), true);
        assertThat(l.status()).isEqualTo(LocationStatus.MISSING);
        assertThat(l.notes()).containsExactly(tmp.resolve("nowhere") + ": does not exist");
        assertThat(l.items()).isEmpty();
    }

    @Test
    void aScanThatBlocksInTheKernelIsAbandonedAfterTheTimeLimitKeepingWhatWasRead() throws Exception {
        Path root = tmp.resolve("hung");
        file(root.resolve("a.vbk"), "rw-------", Instant.parse("2026-05-31T00:00:00Z"));
        file(root.resolve("z.vbk"), "rw-------", Instant.parse("2026-05-31T00:00:00Z"));
        Path fifo = tmp.resolve("blocker.fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        // reading a FIFO without writer blocks in open(2), as a stat on a dead NFS server blocks in the kernel
        FileSecurity hanging = new FileSecurity() {
            @Override
            public Optional<Boolean> immutable(Path file) {
                if (file.getFileName().toString().equals("z.vbk")) {
                    try {
                        Files.readAllBytes(fifo);
                    } catch (IOException e) {
                        return Optional.empty();
                    }
                }
                return Optional.of(false);
            }

            @Override
            public List<AccessEntry> acl(Path file) {
                return List.of();
            }
        };
        long start = System.nanoTime();
        BackupLocation l = new BackupLocationScanner(hanging, 1000, 8, Duration.ofSeconds(2)).scan(root, true);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        try (RandomAccessFile release = new RandomAccessFile(fifo.toFile(), "rw")) {
            release.write(0); // lets the abandoned worker finish
        }
        assertThat(elapsedMs).isBetween(1900L, 8000L);
        assertThat(l.notes()).anySatisfy(n -> assertThat(n).contains("no answer within 2 s"));
        assertThat(l.status()).isEqualTo(LocationStatus.PARTIAL);
        assertThat(l.items()).extracting(BackupItem::path).contains(root.toRealPath().resolve("a.vbk").toString());
    }

    @Test
    void stopsAtTheItemLimitAndSaysTheScanIsPartial() throws Exception {
        Path root = tmp.resolve("many");
        for (int i = 0; i < 12; i++) {
            file(root.resolve("f" + i + ".bak"), "rw-------", Instant.parse("2026-05-31T00:00:00Z"));
        }
        BackupLocation l = new BackupLocationScanner(FileSecurity.none(), 5, 8, Duration.ofSeconds(10)).scan(root, true);
        assertThat(l.status()).isEqualTo(LocationStatus.PARTIAL);
        assertThat(l.items()).hasSize(5);
        assertThat(l.notes()).anySatisfy(n -> assertThat(n).contains("stopped after 5 entries"));
    }

    @Test
    void formatsFromExtensions() {
        assertThat(BackupLocationScanner.formatOf("Job.VBK")).hasValue("veeam-full");
        assertThat(BackupLocationScanner.formatOf("x.vbm")).hasValue("veeam-metadata");
        assertThat(BackupLocationScanner.formatOf("disk.tib")).hasValue("acronis");
        assertThat(BackupLocationScanner.formatOf("db.tar.gz")).hasValue("archive");
        assertThat(BackupLocationScanner.formatOf("old.bkf")).hasValue("ntbackup");
        assertThat(BackupLocationScanner.formatOf("readme.txt")).isEmpty();
        assertThat(BackupLocationScanner.formatOf(".bak")).isEmpty();
    }
}
