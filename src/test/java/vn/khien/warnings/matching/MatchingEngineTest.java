package vn.khien.warnings.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every boundary of the matching semantics of issue 11, on the engine alone (no database, no Spring). */
class MatchingEngineTest {

    private static long ids = 1;

    static Component cpe(String cpe) {
        return new Component(ids++, 1, cpe, null, null);
    }

    static Component cpe(String cpe, String version) {
        return new Component(ids++, 1, cpe, null, version);
    }

    static Component purl(String purl) {
        return new Component(ids++, 1, null, purl, null);
    }

    static final String HTTPD = "cpe:2.3:a:apache:http_server:*:*:*:*:*:*:*:*";

    static boolean affects(CpeCriterion c, String componentCpe) {
        return c.match(cpe(componentCpe)).isPresent();
    }

    static String httpd(String version) {
        return "cpe:2.3:a:apache:http_server:" + version + ":*:*:*:*:*:*:*";
    }

    @Nested
    class CpeNamesAndNvdBounds {

        @Test
        void equalToAnExcludingEndIsNotAffected() {
            var c = new CpeCriterion(HTTPD, null, null, null, "2.4.50");
            assertThat(affects(c, httpd("2.4.50"))).isFalse();
            assertThat(affects(c, httpd("2.4.49"))).isTrue();
        }

        @Test
        void equalToAnIncludingEndIsAffected() {
            var c = new CpeCriterion(HTTPD, null, null, "2.4.50", null);
            assertThat(affects(c, httpd("2.4.50"))).isTrue();
            assertThat(affects(c, httpd("2.4.51"))).isFalse();
        }

        @Test
        void startBoundsIncludeOrExcludeTheirOwnVersion() {
            var including = new CpeCriterion(HTTPD, "2.4.0", null, null, "2.4.50");
            assertThat(affects(including, httpd("2.4.0"))).isTrue();
            assertThat(affects(including, httpd("2.2.34"))).isFalse();
            var excluding = new CpeCriterion(HTTPD, null, "2.4.0", null, "2.4.50");
            assertThat(affects(excluding, httpd("2.4.0"))).isFalse();
            assertThat(affects(excluding, httpd("2.4.1"))).isTrue();
        }

        @Test
        void numericNotLexicalOrdering() {
            var chrome =
                    new CpeCriterion("cpe:2.3:a:google:chrome:*:*:*:*:*:*:*:*", null, null, null, "116.0.5845.187");
            assertThat(affects(chrome, "cpe:2.3:a:google:chrome:116.0.5845.96:*:*:*:*:*:*:*"))
                    .isTrue();
            assertThat(affects(chrome, "cpe:2.3:a:google:chrome:116.0.5845.187:*:*:*:*:*:*:*"))
                    .isFalse();
            assertThat(affects(chrome, "cpe:2.3:a:google:chrome:117.0:*:*:*:*:*:*:*"))
                    .isFalse();
        }

        @Test
        void vendorProductAndPartMustMatch() {
            var c = CpeCriterion.of(httpd("2.4.49"));
            assertThat(affects(c, "cpe:2.3:a:apache:tomcat:2.4.49:*:*:*:*:*:*:*"))
                    .isFalse();
            assertThat(affects(c, "cpe:2.3:a:other:http_server:2.4.49:*:*:*:*:*:*:*"))
                    .isFalse();
            assertThat(affects(c, "cpe:2.3:o:apache:http_server:2.4.49:*:*:*:*:*:*:*"))
                    .isFalse();
            assertThat(affects(c, httpd("2.4.49"))).isTrue();
            assertThat(affects(c, httpd("2.4.48"))).isFalse();
        }

        @Test
        void anyVersionOnTheInventoryUsesTheTypedVersion() {
            var c = new CpeCriterion(HTTPD, null, null, null, "2.4.50");
            assertThat(c.match(cpe(HTTPD, "2.4.49"))).isPresent();
            assertThat(c.match(cpe(HTTPD, "2.4.50"))).isEmpty();
            assertThat(c.match(cpe(HTTPD)))
                    .as("unknown version is not claimed affected by a range")
                    .isEmpty();
        }

        @Test
        void notApplicableVersionNeverFallsInARange() {
            var c = new CpeCriterion(HTTPD, null, null, null, "9");
            assertThat(affects(c, httpd("-"))).isFalse();
        }

        @Test
        void otherAttributesFollowNistir7696() {
            var lts = CpeCriterion.of("cpe:2.3:o:canonical:ubuntu_linux:14.04:*:*:*:lts:*:*:*");
            assertThat(affects(lts, "cpe:2.3:o:canonical:ubuntu_linux:14.04:*:*:*:lts:*:*:*"))
                    .isTrue();
            assertThat(affects(lts, "cpe:2.3:o:canonical:ubuntu_linux:14.04:*:*:*:esm:*:*:*"))
                    .isFalse();
            // the inventory says ANY sw_edition: the advisory's narrower name does not cover it
            assertThat(affects(lts, "cpe:2.3:o:canonical:ubuntu_linux:14.04:*:*:*:*:*:*:*"))
                    .isFalse();
        }

        @Test
        void cpe22UrisAreRead() {
            var c = CpeCriterion.of("cpe:/a:redhat:enterprise_linux:8::appstream");
            assertThat(c.cpe()).isEqualTo("cpe:2.3:a:redhat:enterprise_linux:8:*:appstream:*:*:*:*:*");
            assertThat(affects(c, "cpe:2.3:a:redhat:enterprise_linux:8:*:appstream:*:*:*:*:*"))
                    .isTrue();
        }

        @Test
        void notACpeIsRejected() {
            assertThatThrownBy(() -> CpeCriterion.of("apache httpd")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class NvdConfigurations {

        // CVE-2020-13595: esp-idf 4.0.0–4.2 running on the esp32 (vulnerable: false)
        final NvdConfiguration espIdfOnEsp32 = new NvdConfiguration(
                true,
                List.of(
                        new NvdConfiguration.Node(
                                false,
                                false,
                                List.of(new NvdConfiguration.Match(
                                        true,
                                        new CpeCriterion(
                                                "cpe:2.3:a:espressif:esp-idf:*:*:*:*:*:*:*:*",
                                                "4.0.0",
                                                null,
                                                "4.2",
                                                null)))),
                        new NvdConfiguration.Node(
                                false,
                                false,
                                List.of(new NvdConfiguration.Match(
                                        false, CpeCriterion.of("cpe:2.3:h:espressif:esp32:-:*:*:*:*:*:*:*"))))));

        final Component idf = cpe("cpe:2.3:a:espressif:esp-idf:4.1:*:*:*:*:*:*:*");
        final Component board = cpe("cpe:2.3:h:espressif:esp32:-:*:*:*:*:*:*:*");

        @Test
        void andConfigurationNeedsThePlatform() {
            assertThat(espIdfOnEsp32.affected(List.of(idf, board))).containsOnlyKeys(idf);
            assertThat(espIdfOnEsp32.affected(List.of(idf))).isEmpty();
        }

        @Test
        void aPlatformAloneIsNeverAffected() {
            assertThat(espIdfOnEsp32.affected(List.of(board))).isEmpty();
            assertThat(espIdfOnEsp32.vulnerableKeys()).containsExactly("cpe:2.3:a:espressif:esp-idf:");
        }

        @Test
        void rangeStillAppliesInsideAnAndConfiguration() {
            Component old = cpe("cpe:2.3:a:espressif:esp-idf:3.3:*:*:*:*:*:*:*");
            assertThat(espIdfOnEsp32.affected(List.of(old, board))).isEmpty();
        }

        @Test
        void orConfigurationOfSeveralRanges() {
            var c = new NvdConfiguration(
                    false,
                    List.of(new NvdConfiguration.Node(
                            false,
                            false,
                            List.of(
                                    new NvdConfiguration.Match(
                                            true,
                                            new CpeCriterion(
                                                    "cpe:2.3:a:samba:samba:*:*:*:*:*:*:*:*",
                                                    "4.3.0",
                                                    null,
                                                    null,
                                                    "4.14.14")),
                                    new NvdConfiguration.Match(
                                            true,
                                            new CpeCriterion(
                                                    "cpe:2.3:a:samba:samba:*:*:*:*:*:*:*:*",
                                                    "4.15.0",
                                                    null,
                                                    null,
                                                    "4.15.9"))))));
            assertThat(c.affected(List.of(cpe("cpe:2.3:a:samba:samba:4.15.8:*:*:*:*:*:*:*"))))
                    .hasSize(1);
            assertThat(c.affected(List.of(cpe("cpe:2.3:a:samba:samba:4.14.14:*:*:*:*:*:*:*"))))
                    .isEmpty();
            assertThat(c.affected(List.of(cpe("cpe:2.3:a:samba:samba:4.15.9:*:*:*:*:*:*:*"))))
                    .isEmpty();
        }

        @Test
        void negatedNodeExcludes() {
            var c = new NvdConfiguration(
                    true,
                    List.of(
                            new NvdConfiguration.Node(
                                    false,
                                    false,
                                    List.of(new NvdConfiguration.Match(
                                            true, CpeCriterion.of("cpe:2.3:a:vendor:app:1.0:*:*:*:*:*:*:*")))),
                            new NvdConfiguration.Node(
                                    false,
                                    true,
                                    List.of(new NvdConfiguration.Match(
                                            false, CpeCriterion.of("cpe:2.3:o:microsoft:windows:-:*:*:*:*:*:*:*"))))));
            Component app = cpe("cpe:2.3:a:vendor:app:1.0:*:*:*:*:*:*:*");
            assertThat(c.affected(List.of(app))).containsOnlyKeys(app);
            assertThat(c.affected(List.of(app, cpe("cpe:2.3:o:microsoft:windows:-:*:*:*:*:*:*:*"))))
                    .isEmpty();
        }
    }

    @Nested
    class PurlsAndVers {

        @Test
        void typeNamespaceAndNameMustMatch() {
            var c = new PurlCriterion(
                    "pkg:maven/org.apache.logging.log4j/log4j-core", "vers:maven/>=2.0-beta9|<2.15.0");
            assertThat(c.match(purl("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1")))
                    .isPresent();
            assertThat(c.match(purl("pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1")))
                    .isEmpty();
            assertThat(c.match(purl("pkg:maven/other/log4j-core@2.14.1"))).isEmpty();
            assertThat(c.match(purl("pkg:npm/log4j-core@2.14.1"))).isEmpty();
            assertThat(c.match(purl("pkg:maven/org.apache.logging.log4j/log4j-core@2.15.0")))
                    .isEmpty();
        }

        @Test
        void mavenOrdering() {
            var c = new PurlCriterion("pkg:maven/org.keycloak/keycloak-core", "vers:maven/<7.1.0.Final");
            assertThat(c.match(purl("pkg:maven/org.keycloak/keycloak-core@7.0.1")))
                    .isPresent();
            assertThat(c.match(purl("pkg:maven/org.keycloak/keycloak-core@7.1.0")))
                    .as("7.1.0 == 7.1.0.Final")
                    .isEmpty();
            var snap = new PurlCriterion("pkg:maven/g/a", "vers:maven/>=1.0|<2.0");
            assertThat(snap.match(purl("pkg:maven/g/a@1.0-SNAPSHOT")))
                    .as("snapshot before release")
                    .isEmpty();
            assertThat(snap.match(purl("pkg:maven/g/a@1.10"))).isPresent();
        }

        @Test
        void npmOrderingWithPrereleases() {
            var c = new PurlCriterion("pkg:npm/%40fastify/passport", "vers:npm/>=2.0.0|<2.3.0");
            assertThat(c.match(purl("pkg:npm/%40fastify/passport@2.3.0-beta.1")))
                    .isPresent();
            assertThat(c.match(purl("pkg:npm/%40fastify/passport@2.3.0"))).isEmpty();
            assertThat(c.match(purl("pkg:npm/%40fastify/passport@2.10.0"))).isEmpty();
        }

        @Test
        void pypiOrderingFollowsPep440() {
            var c = new PurlCriterion("pkg:pypi/aiohttp", "vers:pypi/<3.8.5");
            assertThat(c.match(purl("pkg:pypi/aiohttp@3.8.5rc1")))
                    .as("rc before release")
                    .isPresent();
            assertThat(c.match(purl("pkg:pypi/aiohttp@3.8.5"))).isEmpty();
            assertThat(c.match(purl("pkg:pypi/aiohttp@3.8.4.post1"))).isPresent();
            assertThat(c.match(purl("pkg:pypi/AIOHTTP@3.8.4")))
                    .as("names are case-insensitive")
                    .isPresent();
            assertThat(Pep440.compare("1.0.dev1", "1.0a1")).isNegative();
            assertThat(Pep440.compare("1!0.1", "2.0")).isPositive();
            assertThat(Pep440.compare("1.0", "1.0.0")).isZero();
        }

        @Test
        void debianOrderingWithEpochAndTilde() {
            var c = new PurlCriterion("pkg:deb/debian/openssl", "vers:deb/<1:1.1.1n-0+deb11u4");
            assertThat(c.match(purl("pkg:deb/debian/openssl@1.1.1n-0%2Bdeb11u9")))
                    .as("no epoch sorts before 1:")
                    .isPresent();
            assertThat(c.match(purl("pkg:deb/debian/openssl@1:1.1.1n-0+deb11u3")))
                    .isPresent();
            assertThat(c.match(purl("pkg:deb/debian/openssl@1:1.1.1n-0+deb11u4")))
                    .isEmpty();
            assertThat(Versions.compare("deb", "2.30~rc1", "2.30")).isNegative();
            assertThat(Versions.compare("deb", "1:0.9", "2.0")).isPositive();
        }

        @Test
        void purlVersionWithoutRangeIsOneVersion() {
            var c = new PurlCriterion("pkg:npm/lodash@4.17.20", null);
            assertThat(c.match(purl("pkg:npm/lodash@4.17.20"))).isPresent();
            assertThat(c.match(purl("pkg:npm/lodash@4.17.21"))).isEmpty();
        }

        @Test
        void badVersIsRejected() {
            assertThatThrownBy(() -> new PurlCriterion("pkg:npm/lodash", "vers:npm/>=2|>=3"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new PurlCriterion("lodash", null)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class OsvRangeEvents {

        static List<Map.Entry<String, String>> events(String... kv) {
            List<Map.Entry<String, String>> out = new ArrayList<>();
            for (int i = 0; i < kv.length; i += 2) {
                out.add(Map.entry(kv[i], kv[i + 1]));
            }
            return out;
        }

        @Test
        void introducedFixedPairsLeaveTheGapUnaffected() {
            var v = OsvRanges.toVers(
                    "ECOSYSTEM",
                    "npm",
                    events("introduced", "0", "fixed", "1.1.0", "introduced", "2.0.0", "fixed", "2.3.0"));
            assertThat(Versions.contains(v, "1.0.9")).isTrue();
            assertThat(Versions.contains(v, "1.1.0"))
                    .as("fixed is not affected")
                    .isFalse();
            assertThat(Versions.contains(v, "1.5.0")).as("the gap").isFalse();
            assertThat(Versions.contains(v, "2.0.0"))
                    .as("introduced is affected")
                    .isTrue();
            assertThat(Versions.contains(v, "2.3.0")).isFalse();
        }

        @Test
        void lastAffectedIsIncluded() {
            var v = OsvRanges.toVers("ECOSYSTEM", "Maven", events("introduced", "0", "last_affected", "3.4.3.Final"));
            assertThat(Versions.contains(v, "3.4.3.Final")).isTrue();
            assertThat(Versions.contains(v, "3.4.4.Final")).isFalse();
        }

        @Test
        void semverRangesForGo() {
            var v = OsvRanges.toVers(
                    "SEMVER",
                    "Go",
                    events("introduced", "0", "fixed", "1.20.12", "introduced", "1.21.0-0", "fixed", "1.21.5"));
            assertThat(Versions.contains(v, "1.20.11")).isTrue();
            assertThat(Versions.contains(v, "1.20.12")).isFalse();
            assertThat(Versions.contains(v, "1.21.4")).isTrue();
            assertThat(Versions.contains(v, "1.21.5")).isFalse();
        }

        @Test
        void aRangeWithoutIntroducedIsRejectedNotReadAsEverything() {
            assertThatThrownBy(() -> OsvRanges.toVers("ECOSYSTEM", "Maven", events("fixed", "7.1.0.Final")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("introduced");
        }

        @Test
        void listedVersionsAreExactMatches() {
            var v = OsvRanges.listed("Maven", List.of("4.0.0.Beta1", "4.0.0.Beta2"))
                    .orElseThrow();
            assertThat(Versions.contains(v, "4.0.0.Beta2")).isTrue();
            assertThat(Versions.contains(v, "4.0.0.Beta3")).isFalse();
        }
    }

    @Nested
    class KnownNotAffected {

        @Test
        void aKnownNotAffectedProductIsNotMatched() {
            Component lib = purl("pkg:maven/org.apache.tomcat/tomcat-catalina@9.0.87");
            var products = new AffectedProducts(
                    List.of(),
                    List.of(new PurlCriterion("pkg:maven/org.apache.tomcat/tomcat-catalina", "vers:maven/<9.0.88")),
                    List.of(new PurlCriterion("pkg:maven/org.apache.tomcat/tomcat-catalina@9.0.87", null)));
            assertThat(products.match(List.of(lib))).isEmpty();
            Component other = purl("pkg:maven/org.apache.tomcat/tomcat-catalina@9.0.86");
            assertThat(products.match(List.of(other))).containsOnlyKeys(other);
        }
    }
}
