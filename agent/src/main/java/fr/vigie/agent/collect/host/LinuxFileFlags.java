package fr.vigie.agent.collect.host;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads the Linux inode flags of a file ({@code chattr}/{@code lsattr}): the immutable attribute
 * ({@code FS_IMMUTABLE_FL}) through the {@code FS_IOC_GETFLAGS} ioctl with JNA, or by running {@code lsattr -d}
 * when the native call is not available. The file is opened read-only and non-blocking (a FIFO never blocks the
 * open); only regular files and directories should be given. Thread-safe.
 */
final class LinuxFileFlags {
    /** {@code _IOR('f', 1, long)} on 64-bit Linux. */
    static final long FS_IOC_GETFLAGS = 0x80086601L;
    static final int FS_IMMUTABLE_FL = 0x10;
    static final int FS_APPEND_FL = 0x20;
    private static final int O_RDONLY = 0;
    private static final int O_NONBLOCK = 04000;
    private static final int O_CLOEXEC = 02000000;

    interface CLib extends Library {
        int open(String path, int flags) throws LastErrorException;

        int ioctl(int fd, NativeLong request, Pointer arg) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private final Optional<CLib> libc;
    private final Optional<String> lsattr;
    private final CommandRunner runner;

    /** @param useNative false to use only {@code lsattr} (tests, or platforms where the ioctl is not allowed) */
    LinuxFileFlags(boolean useNative, Optional<String> lsattrCommand, Duration commandTimeout) {
        Optional<CLib> lib = Optional.empty();
        if (useNative) {
            try {
                lib = Optional.of(Native.load("c", CLib.class));
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                lib = Optional.empty();
            }
        }
        this.libc = lib;
        this.lsattr = lsattrCommand.flatMap(c -> CommandRunner.find(c).map(Path::toString));
        this.runner = new CommandRunner(commandTimeout);
    }

    /** True when a way to read the flags exists on this host. */
    boolean available() {
        return libc.isPresent() || lsattr.isPresent();
    }

    /** The immutable attribute, or empty when it cannot be read (unsupported file system, error). */
    Optional<Boolean> immutable(Path file) {
        return flags(file).map(f -> (f & FS_IMMUTABLE_FL) != 0);
    }

    /** The inode flags, or empty when they cannot be read. */
    Optional<Integer> flags(Path file) {
        Optional<Integer> viaIoctl = libc.flatMap(l -> ioctl(l, file));
        return viaIoctl.isPresent() ? viaIoctl : viaLsattr(file);
    }

    private static Optional<Integer> ioctl(CLib lib, Path file) {
        int fd;
        try {
            fd = lib.open(file.toString(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        } catch (LastErrorException e) {
            return Optional.empty();
        }
        try (Memory flags = new Memory(8)) {
            flags.clear();
            lib.ioctl(fd, new NativeLong(FS_IOC_GETFLAGS), flags);
            return Optional.of(flags.getInt(0));
        } catch (LastErrorException e) {
            return Optional.empty();
        } finally {
            try {
                lib.close(fd);
            } catch (LastErrorException ignored) {
                // nothing more to do for a read-only descriptor
            }
        }
    }

    /** {@code lsattr -d path}: "----i---------e------- path"; the letter 'i' in the first field is the flag. */
    Optional<Integer> viaLsattr(Path file) {
        if (lsattr.isEmpty()) {
            return Optional.empty();
        }
        try {
            CommandRunner.Result r = runner.run(List.of(lsattr.get(), "-d", file.toString()));
            return parseLsattr(r.ok() ? r.stdout() : "");
        } catch (CommandRunner.CommandException e) {
            return Optional.empty();
        }
    }

    static Optional<Integer> parseLsattr(String output) {
        String first = output.strip();
        int space = first.indexOf(' ');
        if (space <= 0) {
            return Optional.empty();
        }
        String attrs = first.substring(0, space);
        if (!attrs.matches("[-a-zA-Z]+")) {
            return Optional.empty();
        }
        int flags = 0;
        if (attrs.indexOf('i') >= 0) {
            flags |= FS_IMMUTABLE_FL;
        }
        if (attrs.indexOf('a') >= 0) {
            flags |= FS_APPEND_FL;
        }
        return Optional.of(flags);
    }
}
