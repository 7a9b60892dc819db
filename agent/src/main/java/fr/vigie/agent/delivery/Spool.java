package fr.vigie.agent.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.wire.SignedEnvelope;
import fr.vigie.wire.WireException;
import fr.vigie.wire.WireJson;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable outbox of signed envelopes: one file per envelope, written before any send (temporary file, fsync,
 * atomic rename, directory fsync: see {@link PrivateFiles}) and deleted only after the collector's 2xx
 * acknowledgement, which the collector sends only after its commit. A kill -9 at any moment therefore loses
 * nothing that {@link #put} returned for; at worst an envelope is sent twice, and the collector acknowledges the
 * duplicate without storing it again.
 *
 * <p>File names are {@code <19-digit sequence>-<message id>.json}; the sequence starts from the clock in
 * microseconds and always increases, so listing by name is creation order. Bounded by {@link Limits}: when a new
 * envelope would exceed them, the oldest are deleted and counted; the count of drops not yet reported is signed
 * into the next report's header ({@code dropped=n}) by {@link Delivery}. Refused envelopes (permanent 4xx) are moved
 * to the sibling {@code rejected/} directory for inspection, never silently deleted. Thread-safe within a process.
 */
public final class Spool {
    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);
    private static final Pattern ENTRY = Pattern.compile("[0-9]{19}-[0-9a-f-]{36}\\.json");
    private static final String STATE = "_spool-state.json";

    private final Path dir;
    private final Path rejected;
    private final Limits limits;
    private final Clock clock;
    private long lastSequence;
    private long pendingDrops;
    private long droppedTotal;

    /**
     * Bounds of the spool.
     *
     * @param maxCount most envelopes kept (default 10,000)
     * @param maxBytes most bytes kept (default 512 MB)
     */
    public record Limits(int maxCount, long maxBytes) {
        public static final Limits DEFAULT = new Limits(10_000, 512L * 1024 * 1024);

        public Limits {
            if (maxCount < 1 || maxBytes < 1) {
                throw new IllegalArgumentException("spool limits must be positive");
            }
        }
    }

    /**
     * A spooled envelope.
     *
     * @param file its file
     * @param size bytes
     */
    public record Entry(Path file, long size) {
        public String name() {
            return file.getFileName().toString();
        }
    }

    /**
     * Statistics.
     *
     * @param count envelopes waiting
     * @param bytes bytes waiting
     * @param pendingDrops drops not yet reported in a report
     * @param droppedTotal drops since the spool was created
     */
    public record Stats(int count, long bytes, long pendingDrops, long droppedTotal) {}

    private Spool(Path dir, Limits limits, Clock clock) {
        this.dir = dir;
        this.rejected = dir.resolveSibling("rejected");
        this.limits = limits;
        this.clock = clock;
    }

    /** Opens (creating, 0700) the spool directory; deletes leftovers of interrupted writes. */
    public static Spool open(Path dir, Limits limits, Clock clock) throws IOException {
        PrivateFiles.directory(dir);
        Spool s = new Spool(dir, limits, clock);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, PrivateFiles.TMP_PREFIX + "*")) {
            for (Path p : ds) {
                LOG.info("deleting an incomplete spool write {}", p.getFileName());
                Files.deleteIfExists(p);
            }
        }
        Path state = dir.resolve(STATE);
        if (Files.exists(state)) {
            try {
                JsonNode n = WireJson.tree(Files.readAllBytes(state), "spool state", "bad_state");
                s.pendingDrops = n.path("pendingDrops").asLong();
                s.droppedTotal = n.path("droppedTotal").asLong();
            } catch (WireException e) {
                LOG.warn("spool state unreadable, drop counters reset: {}", e.getMessage());
            }
        }
        List<Entry> entries = s.list();
        if (!entries.isEmpty()) {
            s.lastSequence = sequence(entries.get(entries.size() - 1).name());
        }
        return s;
    }

    /**
     * Writes an envelope durably, then enforces the limits by dropping the oldest other envelopes.
     *
     * @return the entry, on disk when this returns
     */
    public synchronized Entry put(SignedEnvelope envelope, java.util.UUID messageId) throws IOException {
        long micros = ChronoUnit.MICROS.between(java.time.Instant.EPOCH, clock.instant());
        lastSequence = Math.max(lastSequence + 1, micros);
        Path file = dir.resolve(String.format("%019d-%s.json", lastSequence, messageId));
        byte[] json = envelope.toJson();
        PrivateFiles.writeAtomically(file, json);
        Entry entry = new Entry(file, json.length);
        enforceLimits(entry);
        return entry;
    }

    private void enforceLimits(Entry keep) throws IOException {
        List<Entry> entries = list();
        long bytes = entries.stream().mapToLong(Entry::size).sum();
        int count = entries.size();
        long dropped = 0;
        for (Entry e : entries) {
            if (count <= limits.maxCount() && bytes <= limits.maxBytes()) {
                break;
            }
            if (e.file().equals(keep.file())) {
                continue;
            }
            Files.deleteIfExists(e.file());
            count--;
            bytes -= e.size();
            dropped++;
        }
        if (dropped > 0) {
            PrivateFiles.syncDirectory(dir);
            pendingDrops += dropped;
            droppedTotal += dropped;
            saveState();
            LOG.warn("spool full ({} envelopes, {} bytes max): dropped the {} oldest; the next report says so",
                    limits.maxCount(), limits.maxBytes(), dropped);
        }
    }

    /** Spooled envelopes in creation order. */
    public synchronized List<Entry> list() throws IOException {
        List<Entry> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (ENTRY.matcher(p.getFileName().toString()).matches()) {
                    try {
                        out.add(new Entry(p, Files.size(p)));
                    } catch (NoSuchFileException e) {
                        // removed concurrently
                    }
                }
            }
        }
        out.sort(Comparator.comparing(Entry::name));
        return out;
    }

    /** The envelope bytes of an entry. */
    public byte[] read(Entry e) throws IOException {
        return Files.readAllBytes(e.file());
    }

    /** Deletes an acknowledged entry (durably). */
    public synchronized void remove(Entry e) throws IOException {
        Files.deleteIfExists(e.file());
        PrivateFiles.syncDirectory(dir);
    }

    /** Moves a permanently refused entry to {@code rejected/}, with the refusal code in its name. */
    public synchronized void reject(Entry e, String code) throws IOException {
        PrivateFiles.directory(rejected);
        String safe = code.replaceAll("[^a-z0-9_]", "_");
        Files.move(e.file(), rejected.resolve(e.name().replace(".json", "." + safe + ".json")),
                StandardCopyOption.ATOMIC_MOVE);
        PrivateFiles.syncDirectory(dir);
    }

    /** Drops not yet reported. */
    public synchronized long pendingDrops() {
        return pendingDrops;
    }

    /** Records that {@code n} drops have been signed into a spooled report. */
    public synchronized void dropsReported(long n) throws IOException {
        if (n > 0) {
            pendingDrops = Math.max(0, pendingDrops - n);
            saveState();
        }
    }

    public synchronized Stats stats() throws IOException {
        List<Entry> entries = list();
        return new Stats(entries.size(), entries.stream().mapToLong(Entry::size).sum(), pendingDrops, droppedTotal);
    }

    public Path directory() {
        return dir;
    }

    private void saveState() throws IOException {
        ObjectNode n = WireJson.mapper().createObjectNode();
        n.put("pendingDrops", pendingDrops);
        n.put("droppedTotal", droppedTotal);
        PrivateFiles.writeAtomically(dir.resolve(STATE), WireJson.write(n));
    }

    private static long sequence(String name) {
        return Long.parseLong(name.substring(0, 19));
    }
}
