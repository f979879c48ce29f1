package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class SizeDisplayTest {

    private static final Locale VI = Locale.forLanguageTag("vi");

    @Test
    void vietnameseWritesTheDecimalWithAComma() {
        assertThat(SizeDisplay.bytes(0, VI)).isEqualTo("0 byte");
        assertThat(SizeDisplay.bytes(1023, VI)).isEqualTo("1.023 byte");
        assertThat(SizeDisplay.bytes(1024, VI)).isEqualTo("1 KB");
        assertThat(SizeDisplay.bytes(1536, VI)).isEqualTo("1,5 KB");
        assertThat(SizeDisplay.bytes(1_258_291, VI)).isEqualTo("1,2 MB");
        assertThat(SizeDisplay.bytes(20L * 1024 * 1024, VI)).isEqualTo("20 MB");
        assertThat(SizeDisplay.bytes(3L * 1024 * 1024 * 1024 + 400L * 1024 * 1024, VI))
                .isEqualTo("3,4 GB");
    }

    @Test
    void aFigureThatRoundsToTheNextUnitIsWrittenInIt() {
        assertThat(SizeDisplay.bytes(1024L * 1024 - 1, VI)).isEqualTo("1 MB");
        assertThat(SizeDisplay.bytes(1024L * 1024 - 40, VI)).isEqualTo("1 MB");
        assertThat(SizeDisplay.bytes(1024L * 1024 - 60, VI)).isEqualTo("1.023,9 KB");
        assertThat(SizeDisplay.bytes(1024L * 1024 - 200, VI)).isEqualTo("1.023,8 KB");
    }

    @Test
    void englishWritesTheDecimalWithAPoint() {
        assertThat(SizeDisplay.bytes(1, Locale.ENGLISH)).isEqualTo("1 byte");
        assertThat(SizeDisplay.bytes(900, Locale.ENGLISH)).isEqualTo("900 bytes");
        assertThat(SizeDisplay.bytes(1_258_291, Locale.ENGLISH)).isEqualTo("1.2 MB");
        assertThat(SizeDisplay.bytes(1024L * 1024 - 200, Locale.ENGLISH)).isEqualTo("1,023.8 KB");
    }
}
