package fr.vigie.snapshot.host;

/** How a piece of backup software was found on the host. */
public enum DetectionKind {
    /** A running process whose name or executable path matches the product. */
    PROCESS,
    /** A service whose name or display name matches the product. */
    SERVICE,
    /** An installed package (dpkg status, rpm database) whose name matches the product. */
    PACKAGE
}
