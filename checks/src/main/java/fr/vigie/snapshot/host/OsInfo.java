package fr.vigie.snapshot.host;

import java.util.Objects;

/**
 * The host's operating system. Immutable.
 *
 * @param family  OS family
 * @param name    distribution or product (OSHI {@code OperatingSystem.getFamily()}, e.g. "Debian GNU/Linux",
 *                "Windows"); empty when unknown
 * @param version version and build (OSHI {@code getVersionInfo()}, e.g. "12 (bookworm) build 6.1.0"); empty when
 *                unknown
 */
public record OsInfo(OsFamily family, String name, String version) {
    public OsInfo {
        Objects.requireNonNull(family, "family");
        name = Lists.text(name);
        version = Lists.text(version);
    }

    public static OsInfo unknown() {
        return new OsInfo(OsFamily.OTHER, "", "");
    }
}
