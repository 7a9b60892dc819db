package fr.vigie.checks.dc;

/** Domain or forest functional level below Windows Server 2012 R2 ({@code minimumLevel} threshold). */
public final class FunctionalLevelBelow2012R2 extends FunctionalLevelCheck {
    @Override
    public String ruleId() {
        return "functional-level-below-2012r2";
    }
}
