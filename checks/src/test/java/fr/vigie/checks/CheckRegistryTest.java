package fr.vigie.checks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.host.HostCheck;
import fr.vigie.ruleset.Catalogue;
import fr.vigie.ruleset.CatalogueLoader;
import fr.vigie.ruleset.Rule;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CheckRegistryTest {
    private final Catalogue catalogue = CatalogueLoader.builtIn();

    @Test
    void everyRuleHasACheckAndEveryCheckARule() {
        Map<String, Check> checks = CheckRegistry.byRuleId(CheckRegistry.all());
        Map<String, HostCheck> hostChecks = CheckRegistry.hostByRuleId(CheckRegistry.hostChecks());
        Set<String> rules = catalogue.rules().stream().map(Rule::id).collect(Collectors.toSet());
        Set<String> all = new java.util.HashSet<>(checks.keySet());
        all.addAll(hostChecks.keySet());
        assertThat(all).hasSize(checks.size() + hostChecks.size());
        assertThat(all).containsExactlyInAnyOrderElementsOf(rules);
    }

    @Test
    void everyCheckDeclaresTheDataItNeedsAndIsAFinalClassInItsFamilyPackage() {
        for (Check c : CheckRegistry.all()) {
            assertThat(c.requires()).as(c.ruleId()).isNotEmpty();
            assertThat(java.lang.reflect.Modifier.isFinal(c.getClass().getModifiers())).as(c.getClass().getName()).isTrue();
            assertThat(c.getClass().getPackageName()).startsWith("fr.vigie.checks.");
        }
    }

    @Test
    void everyHostCheckDeclaresItsDataIsFinalHasASiblingTestAndARuleOfCategoryBackup() {
        assertThat(CheckRegistry.hostChecks()).isNotEmpty();
        for (HostCheck c : CheckRegistry.hostChecks()) {
            assertThat(c.requires()).as(c.ruleId()).isNotEmpty();
            assertThat(java.lang.reflect.Modifier.isFinal(c.getClass().getModifiers())).as(c.getClass().getName()).isTrue();
            assertThat(c.getClass().getPackageName()).isEqualTo("fr.vigie.checks.backup.host");
            assertThat(classExists(c.getClass().getName() + "Test")).as("missing test for " + c.ruleId()).isTrue();
            assertThat(catalogue.rule(c.ruleId()).category()).isEqualTo(fr.vigie.ruleset.Category.BACKUP);
        }
    }

    @Test
    void everyCheckHasASiblingTest() {
        for (Check c : CheckRegistry.all()) {
            String test = c.getClass().getName() + "Test";
            assertThat(classExists(test)).as("missing test " + test).isTrue();
        }
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
