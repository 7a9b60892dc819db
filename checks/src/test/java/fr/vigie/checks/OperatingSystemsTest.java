package fr.vigie.checks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.testing.SnapshotFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatingSystemsTest {
    @Test
    void theFirstPatternInListOrderThatTheSystemContainsWinsIgnoringCase() {
        List<String> patterns = List.of("2008", "windows server", "XP");
        assertThat(OperatingSystems.firstMatch("Windows Server 2008 R2 Standard", patterns)).contains("2008");
        assertThat(OperatingSystems.firstMatch("WINDOWS SERVER 2022", patterns)).contains("windows server");
        assertThat(OperatingSystems.firstMatch("Windows 11 Pro", patterns)).isEmpty();
    }

    @Test
    void aMatchingComputerGivesItsSystemVersionAndPatternAndOneWithoutSystemNothing() {
        var f = SnapshotFixture.domain();
        f.computer("ECG-01").computer("Windows 7 Professional", null, false).add();
        f.computer("NAS").computer(null, null, false).add();
        var computers = f.build().computers().toList();
        var ecg = computers.stream().filter(a -> a.samAccountName().equals("ECG-01$")).findFirst().orElseThrow();
        var nas = computers.stream().filter(a -> a.samAccountName().equals("NAS$")).findFirst().orElseThrow();

        assertThat(OperatingSystems.matching(ecg, List.of("windows 7")).orElseThrow().attributes())
                .containsEntry("operatingSystem", "Windows 7 Professional")
                .containsEntry("operatingSystemVersion", "unknown")
                .containsEntry("matchedPattern", "windows 7");
        assertThat(OperatingSystems.matching(nas, List.of(""))).isEmpty();
    }
}
