package fr.vigie.checks;

import static org.assertj.core.api.Assertions.assertThat;

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
        Set<String> rules = catalogue.rules().stream().map(Rule::id).collect(Collectors.toSet());
        assertThat(checks.keySet()).containsExactlyInAnyOrderElementsOf(rules);
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
