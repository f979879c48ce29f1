package vn.khien.systems.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.khien.systems.classification.RegimeCatalog;

/** Issue 9 point 21: the register and the classification rule data use one set of system-type codes. */
class SystemTypeVocabularyTest {

    @Test
    void registerCodesAreExactlyTheClassificationOptionsOfEveryRegime() {
        RegimeCatalog.loadDefault()
                .all()
                .forEach(regime -> assertThat(
                                regime.question("system_type").orElseThrow().options())
                        .as(regime.id())
                        .containsExactlyElementsOf(Arrays.stream(SystemType.values())
                                .map(Enum::name)
                                .toList()));
    }

    @Test
    void formerCodesAreStillReadCurrentCodesAreCaseInsensitiveUnknownOnesFail() {
        assertThat(SystemType.fromCode("PUBLIC_SERVICE")).isEqualTo(SystemType.CITIZEN_BUSINESS);
        assertThat(SystemType.fromCode("industrial_control")).isEqualTo(SystemType.ICS);
        assertThat(SystemType.fromCode(" ics ")).isEqualTo(SystemType.ICS);
        assertThat(SystemType.fromCode("CITIZEN_BUSINESS")).isEqualTo(SystemType.CITIZEN_BUSINESS);
        assertThatThrownBy(() -> SystemType.fromCode("PORTAL")).isInstanceOf(IllegalArgumentException.class);
    }
}
