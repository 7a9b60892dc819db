package fr.vigie.agent.bench;

import java.io.PrintStream;

/**
 * {@code vigie bench}: generates a domain of the requested size, serves it over LDAP on loopback, collects and
 * audits it, and prints objects/s, wall time and peak heap.
 */
public final class CollectionBenchmark {
    private CollectionBenchmark() {}

    /**
     * @param objects approximate number of directory objects to generate
     * @param out     where figures are printed
     * @return 0 on success
     */
    public static int run(int objects, PrintStream out) throws Exception {
        throw new UnsupportedOperationException("bench not implemented yet: " + objects + out);
    }
}
