package fr.vigie.agent.cli;

/** Entry point placeholder: the picocli command tree is built in this package. */
public final class VigieCli {
    private VigieCli() {}

    public static void main(String[] args) {
        System.out.println("vigie: not yet wired");
    }
}
