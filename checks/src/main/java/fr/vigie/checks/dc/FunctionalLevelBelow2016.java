package fr.vigie.checks.dc;

/** Domain or forest functional level below Windows Server 2016 ({@code minimumLevel} threshold). */
public final class FunctionalLevelBelow2016 extends FunctionalLevelCheck {
    @Override
    public String ruleId() {
        return "functional-level-below-2016";
    }
}
