package fr.vigie.checks.dc;

/** Domain or forest functional level below Windows Server 2008 ({@code minimumLevel} threshold). */
public final class FunctionalLevelObsolete extends FunctionalLevelCheck {
    @Override
    public String ruleId() {
        return "functional-level-obsolete";
    }
}
