package vn.khien.warnings.advisories;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Khiên's CVSS calculator (CSAF mandatory tests 6.1.9 and 6.1.10) gives the scores of FIRST's own calculators (v3.0,
 * v3.1: 800 vectors with and without temporal and environmental metrics) and of the worked examples of "A Complete
 * Guide to the CVSS Version 2.0" §3.3.
 */
class CvssTest {

    @Test
    void v3ScoresAndSeveritiesAreThoseOfFirstsCalculators() throws IOException {
        List<String> wrong = new ArrayList<>();
        int n = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(getClass().getResourceAsStream("/warnings/csaf/mandatory/cvss3-reference.tsv")),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                Cvss.Scores s = Cvss.v3(f[0], f[0].substring(5, 8));
                n++;
                String got = s == null
                        ? "unparsed"
                        : s.base() + " " + s.temporal() + " " + s.environmental() + " " + Cvss.severity(s.base()) + " "
                                + Cvss.severity(s.temporal()) + " " + Cvss.severity(s.environmental());
                String expected = Double.parseDouble(f[1]) + " " + Double.parseDouble(f[2]) + " "
                        + Double.parseDouble(f[3]) + " " + f[4] + " " + f[5] + " " + f[6];
                if (!got.equals(expected)) {
                    wrong.add(f[0] + ": " + got + " instead of " + expected);
                }
            }
        }
        assertThat(n).isEqualTo(800);
        assertThat(wrong).isEmpty();
    }

    @Test
    void v2ScoresAreThoseOfTheGuidesExamples() {
        // CVE-2002-0392, CVE-2003-0818, CVE-2003-0062 (the guide's §3.3.1 to §3.3.3)
        assertThat(Cvss.v2("AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H"))
                .isEqualTo(new Cvss.Scores(7.8, 6.4, 9.2));
        assertThat(Cvss.v2("AV:N/AC:L/Au:N/C:C/I:C/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:L"))
                .isEqualTo(new Cvss.Scores(10.0, 8.3, 9.0));
        assertThat(Cvss.v2("AV:L/AC:H/Au:N/C:C/I:C/A:C/E:POC/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:M"))
                .isEqualTo(new Cvss.Scores(6.2, 4.9, 7.5));
        assertThat(Cvss.v2("AV:N/AC:L/Au:N/C:P/I:P/A:P").base()).isEqualTo(7.5);
    }

    @Test
    void malformedVectorsGiveNoScore() {
        assertThat(Cvss.v3("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", "3.1")).isNull();
        assertThat(Cvss.v3("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:Q", "3.1"))
                .isNull();
        assertThat(Cvss.v3("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "3.1"))
                .isNull();
        assertThat(Cvss.v2("AV:N/AC:L/Au:N/C:P/I:P")).isNull();
        assertThat(Cvss.v2("AV:N/AC:L/Au:N/C:P/I:P/A:P/AV:L")).isNull();
    }
}
