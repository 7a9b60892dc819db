package fr.vigie.agent.delivery;

import fr.vigie.wire.Api;
import fr.vigie.wire.CheckIn;
import fr.vigie.wire.MessageHeader;
import fr.vigie.wire.MessageKind;
import fr.vigie.wire.SignedEnvelope;
import fr.vigie.wire.WireJson;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's delivery facade, for {@code scan --upload} and the service: sign a report JSON into an envelope
 * (exact bytes; report id, creation time and pending spool drops in the signed header), spool it durably, send the
 * spool; send signed check-ins. State lives in the state directory: identity, {@code spool/}, {@code rejected/}.
 * Thread-safe.
 */
public final class Delivery {
    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    private final AgentIdentity identity;
    private final Spool spool;
    private final Uploader uploader;
    private final CollectorClient client;
    private final Clock clock;
    private final Options options;

    /**
     * Tunables. Immutable.
     *
     * @param limits spool bounds
     * @param backoff retry backoff
     * @param timeout HTTP timeout
     * @param clock clock for message times
     * @param agentVersion version sent in check-ins
     * @param hostname host name sent in check-ins
     */
    public record Options(Spool.Limits limits, Backoff backoff, Duration timeout, Clock clock, String agentVersion,
            String hostname) {
        public static Options defaults() {
            return new Options(Spool.Limits.DEFAULT, Backoff.DEFAULT, Duration.ofSeconds(60), Clock.systemUTC(),
                    "0.1.0", localHostname());
        }

        public Options withLimits(Spool.Limits l) {
            return new Options(l, backoff, timeout, clock, agentVersion, hostname);
        }

        public Options withBackoff(Backoff b) {
            return new Options(limits, b, timeout, clock, agentVersion, hostname);
        }
    }

    private Delivery(AgentIdentity identity, Spool spool, CollectorClient client, Options options) {
        this.identity = identity;
        this.spool = spool;
        this.client = client;
        this.clock = options.clock();
        this.options = options;
        SecureRandom rnd = new SecureRandom();
        LongUnaryOperator random = n -> n <= 0 ? 0 : (long) (rnd.nextDouble() * (n + 1));
        this.uploader = new Uploader(spool, client::post, options.backoff(), clock, random);
    }

    /** Opens the delivery state of an enrolled agent. */
    public static Delivery open(Path stateDir) throws IOException {
        return open(stateDir, Options.defaults());
    }

    /** Opens the delivery state of an enrolled agent with explicit options. */
    public static Delivery open(Path stateDir, Options options) throws IOException {
        AgentIdentity id = AgentIdentity.load(stateDir);
        Spool spool = Spool.open(stateDir.resolve("spool"), options.limits(), options.clock());
        return new Delivery(id, spool, new CollectorClient(id.collectorUrl(), id.pin(), options.timeout()), options);
    }

    /**
     * Signs and spools a report; on return it is on disk and will be delivered eventually.
     *
     * @return the report id (signed in the envelope)
     */
    public synchronized java.util.UUID spool(byte[] reportJson) throws IOException {
        long drops = spool.pendingDrops();
        MessageHeader h = MessageHeader.create(MessageKind.REPORT, identity.agentId(), clock.instant(), drops);
        spool.put(SignedEnvelope.sign(h, reportJson, identity.privateKey(), identity.agentId()), h.messageId());
        spool.dropsReported(drops);
        LOG.info("report {} signed and spooled ({} bytes)", h.messageId(), reportJson.length);
        return h.messageId();
    }

    /** One attempt to send the spool (respecting a running backoff). */
    public Uploader.FlushResult flush() throws IOException, InterruptedException {
        return uploader.flush();
    }

    /**
     * For {@code scan --upload}: spools the report, then tries to deliver the spool, retrying with backoff for at
     * most {@code maxWait}. Whatever is not delivered stays spooled for the service (or the next run).
     */
    public Uploader.FlushResult spoolAndSend(byte[] reportJson, Duration maxWait)
            throws IOException, InterruptedException {
        spool(reportJson);
        return send(maxWait);
    }

    /**
     * Tries to deliver the spool, retrying with backoff (or as the collector's {@code Retry-After} says) for at most
     * {@code maxWait}; stops at once when the collector refuses this agent (403: unknown, revoked, replaced, awaiting
     * approval), since waiting cannot change that.
     */
    public Uploader.FlushResult send(Duration maxWait) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            Uploader.FlushResult r = uploader.flush();
            boolean refused = r.stoppedBy().filter(c -> c.startsWith("agent_") || c.equals("unknown_agent"))
                    .isPresent();
            if (r.complete() || refused) {
                return r;
            }
            long wait = r.retryIn().orElse(Duration.ZERO).toNanos();
            if (System.nanoTime() + wait > deadline) {
                return r;
            }
            Thread.sleep(Math.max(1, wait / 1_000_000));
        }
    }

    /** Where a spooled report stands. */
    public enum Fate {
        /** Acknowledged by the collector and removed from the spool. */
        DELIVERED,
        /** Still in the spool, to be sent later. */
        SPOOLED,
        /** Permanently refused by the collector, moved to {@code rejected/}. */
        REJECTED
    }

    /** Where the report with this id stands (see {@link Fate}). */
    public Fate fate(java.util.UUID reportId) throws IOException {
        String id = reportId.toString();
        if (spool.list().stream().anyMatch(e -> e.name().contains(id))) {
            return Fate.SPOOLED;
        }
        Path rejected = spool.directory().resolveSibling("rejected");
        if (java.nio.file.Files.isDirectory(rejected)) {
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(rejected)) {
                if (files.anyMatch(f -> f.getFileName().toString().contains(id))) {
                    return Fate.REJECTED;
                }
            }
        }
        return Fate.DELIVERED;
    }

    /** {@link #spoolAndSend(byte[], Duration)} with two minutes of retries. */
    public Uploader.FlushResult spoolAndSend(byte[] reportJson) throws IOException, InterruptedException {
        return spoolAndSend(reportJson, Duration.ofMinutes(2));
    }

    /**
     * Sends a signed heartbeat (not spooled: only the latest matters).
     *
     * @return the collector's response
     * @throws IOException when the collector is unreachable
     */
    public CollectorClient.Response checkIn() throws IOException, InterruptedException {
        Spool.Stats s = spool.stats();
        byte[] body = WireJson.write(new CheckIn(options.hostname(), options.agentVersion(), s.count(), s.bytes(),
                s.droppedTotal()));
        MessageHeader h = MessageHeader.create(MessageKind.CHECKIN, identity.agentId(), clock.instant(), 0);
        CollectorClient.Response r = client.post(Api.CHECKIN, SignedEnvelope.sign(h, body, identity.privateKey(),
                identity.agentId()).toJson());
        if (!r.ok()) {
            LOG.warn("check-in refused: {} (HTTP {})", r.errorCode(), r.status());
        }
        return r;
    }

    public Spool spoolStore() {
        return spool;
    }

    public AgentIdentity identity() {
        return identity;
    }

    /** This host's name (for enrollment and check-ins). */
    public static String localHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown-host");
        }
    }
}
