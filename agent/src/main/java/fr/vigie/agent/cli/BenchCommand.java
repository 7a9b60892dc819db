package fr.vigie.agent.cli;

import fr.vigie.agent.config.ConfigException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigie bench}: measure collection and audit speed on a generated domain. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Generates a domain of the given size, serves it over LDAP on 127.0.0.1, collects and audits "
                + "it, and prints objects/s, wall time and peak heap.")
final class BenchCommand implements Callable<Integer> {
    static final int MAX_OBJECTS = 5_000_000;

    private final AgentEnvironment env;

    @Spec
    CommandSpec spec;

    @Option(names = "--objects", paramLabel = "<n>", defaultValue = "150000",
            description = "Approximate number of directory objects to generate (default: ${DEFAULT-VALUE}).")
    int objects;

    BenchCommand(AgentEnvironment env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    @Override
    public Integer call() throws Exception {
        if (objects < 1 || objects > MAX_OBJECTS) {
            throw new ConfigException("--objects must be between 1 and " + MAX_OBJECTS + ", got " + objects);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (PrintStream stream = new PrintStream(new LineWriterStream(out), true, StandardCharsets.UTF_8)) {
            return env.bench().run(objects, stream);
        } finally {
            out.flush();
        }
    }

    /**
     * Bytes (UTF-8) to an injected writer, line by line: the bench prints to a PrintStream, the CLI writes to
     * PrintWriters. Closing it does not close the writer. Not thread-safe.
     */
    static final class LineWriterStream extends OutputStream {
        private final PrintWriter writer;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        LineWriterStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') {
                flushLine();
            }
        }

        @Override
        public void flush() {
            flushLine();
            writer.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
        }

        private void flushLine() {
            if (line.size() > 0) {
                writer.write(line.toString(StandardCharsets.UTF_8));
                line.reset();
            }
        }
    }
}
