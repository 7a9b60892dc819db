package fr.vigie.agent.delivery;

import fr.vigie.agent.cli.EnrollCommand;
import fr.vigie.agent.cli.RunCommand;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * A stand-in agent main for process tests (the real `vigie` CLI is wired elsewhere): {@code enroll ...},
 * {@code run ...} (audits produce a fixed report), {@code spool-hold STATE} (spool one report, then wait to be
 * killed before sending), {@code flush STATE}.
 */
public final class AgentTestMain {
    private AgentTestMain() {}

    public static void main(String[] args) throws Exception {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "enroll":
                System.exit(new CommandLine(new EnrollCommand()).execute(rest));
                break;
            case "run":
                int code = new CommandLine(new RunCommand(() -> DeliveryIntegrationTest.REPORT)).execute(rest);
                System.exit(code);
                break;
            case "spool-hold": {
                Delivery d = Delivery.open(Path.of(rest[0]));
                System.out.println("SPOOLED " + d.spool(DeliveryIntegrationTest.REPORT));
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
                break;
            }
            case "flush": {
                Uploader.FlushResult r = Delivery.open(Path.of(rest[0])).flush();
                System.out.println("FLUSHED " + r);
                System.exit(r.complete() ? 0 : 1);
                break;
            }
            default:
                throw new IllegalArgumentException(args[0]);
        }
    }
}
