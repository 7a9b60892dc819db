package fr.vigie.agent.cli;

import fr.vigie.agent.scan.AgentVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version} of every command: the agent version from the build, and the Java runtime. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "vigie " + AgentVersion.current(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
