package fr.vigie.agent.collect.host;

import fr.vigie.snapshot.host.BackupLocation;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Test helper run in a child JVM under another user (setpriv): scans the paths given and prints, per location, its
 * status, then its notes. Root bypasses permissions, so "permission denied" can only be observed this way.
 */
public final class ScanAsOtherUser {
    private ScanAsOtherUser() {}

    public static void main(String[] args) {
        BackupLocationScanner scanner = new BackupLocationScanner(FileSecurity.none(), 1000, 8, Duration.ofSeconds(20));
        for (String a : args) {
            BackupLocation l = scanner.scan(Path.of(a), true);
            System.out.println("LOCATION " + a + " " + l.status() + " backups=" + l.backupCount());
            l.notes().forEach(n -> System.out.println("NOTE " + n));
        }
    }
}
