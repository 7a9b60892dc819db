package fr.vigie.agent.bench;

import fr.vigie.agent.demo.AdLikeServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * The benchmark's directory server, run in a child JVM so that its memory does not count in the agent's heap.
 * Usage: {@code BenchServerMain <objects> <seed> <now-epoch-seconds>}. The bind password is the first line of
 * standard input (never an argument). Generates the {@link SyntheticDomain} into an AD-like in-memory server on
 * 127.0.0.1 (plain LDAP, a free port), prints {@code READY port=<p> entries=<n> loadMillis=<ms>} on standard
 * output, then serves until standard input is closed (the parent closes it, or dies), and exits.
 */
public final class BenchServerMain {
    /** Prefix of the line that announces the server is ready. */
    public static final String READY = "READY";

    private BenchServerMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        if (args.length != 3) {
            System.err.println("usage: BenchServerMain <objects> <seed> <now-epoch-seconds> (password on stdin)");
            System.exit(2);
        }
        int objects = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        Instant now = Instant.ofEpochSecond(Long.parseLong(args[2]));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null || line.isEmpty()) {
            System.err.println("no password on standard input");
            System.exit(2);
        }
        char[] password = line.toCharArray();
        long start = System.nanoTime();
        SyntheticDomain domain = new SyntheticDomain(objects, seed, now);
        AdLikeServer server = AdLikeServer.start(domain.skeleton(), Clock.fixed(now, ZoneOffset.UTC),
                AdLikeServer.Security.PLAIN, SyntheticDomain.auditAccountDn(), password, domain::writeTo);
        Arrays.fill(password, '\0');
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        out.println(READY + " port=" + server.port() + " entries=" + server.entryCount() + " loadMillis=" + loadMillis);
        out.flush();
        try {
            while (in.read() >= 0) {
                // serve until the parent closes our standard input
            }
        } catch (IOException e) {
            // parent gone
        } finally {
            server.close();
        }
    }
}
