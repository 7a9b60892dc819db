package fr.vigie.agent.collect.host;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one piece of file-system or OS work in its own daemon thread and waits for it at most a given time. A read
 * on a hung NFS or SMB mount blocks in the kernel and cannot be interrupted: the worker is then abandoned (it is a
 * daemon, so it never keeps the JVM alive) and the caller records a note instead of hanging. Thread-safe.
 */
final class TimeBox {
    private TimeBox() {}

    /** The outcome of a time-boxed call: a value, a failure, or no answer in time. */
    record Outcome<T>(Optional<T> value, Optional<Throwable> failure, boolean timedOut) {
        boolean ok() {
            return value.isPresent();
        }

        /** Why there is no value, in words. */
        String problem(String what, Duration timeout) {
            if (timedOut) {
                return what + ": no answer within " + timeout.toSeconds() + " s (hung network mount or blocked "
                        + "file?); abandoned";
            }
            Throwable t = failure.orElse(null);
            return what + ": " + (t == null ? "no result" : describe(t));
        }
    }

    static <T> Outcome<T> run(String name, Duration timeout, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread t = new Thread(task, "vigie-host-" + name);
        t.setDaemon(true);
        t.start();
        try {
            T v = task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Outcome<>(Optional.ofNullable(v), v == null ? Optional.of(new IllegalStateException(
                    "no result")) : Optional.empty(), false);
        } catch (TimeoutException e) {
            task.cancel(true);
            return new Outcome<>(Optional.empty(), Optional.empty(), true);
        } catch (ExecutionException e) {
            return new Outcome<>(Optional.empty(), Optional.of(e.getCause()), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            return new Outcome<>(Optional.empty(), Optional.of(e), false);
        }
    }

    /** A short description of an exception for a note: its type for file-system errors, and its message. */
    static String describe(Throwable t) {
        if (t instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (t instanceof java.nio.file.NoSuchFileException) {
            return "does not exist";
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
