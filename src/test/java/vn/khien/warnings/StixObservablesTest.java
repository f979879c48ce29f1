package vn.khien.warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * STIX 2.1 cyber-observables get the deterministic ids of STIX 2.1 §2.9: the specification's own example, and ids
 * computed independently (Python's uuid5 over the canonical JSON) for the other types Khiên writes.
 */
public class StixObservablesTest {

    @Test
    void theSpecificationsExampleIpv4AddressHasItsId() {
        // STIX 2.1 §2.9, example of an identifier
        assertThat(StixObservables.id("ipv4-addr", Map.of("value", "198.51.100.3")))
                .isEqualTo("ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4");
    }

    @Test
    void idsAreUuidV5OverTheContributingPropertiesOnly() {
        String id = StixObservables.id("domain-name", Map.of("value", "evil.example.com"));
        assertThat(id).isEqualTo("domain-name--6262c8a9-ac28-50fe-a7df-f5923bb2ee14");
        UUID uuid = UUID.fromString(id.substring("domain-name--".length()));
        assertThat(uuid.version()).isEqualTo(5);
        assertThat(uuid.variant()).isEqualTo(2);
        // resolves_to_refs is not an ID contributing property of domain-name
        assertThat(StixObservables.id(
                        "domain-name", Map.of("value", "evil.example.com", "resolves_to_refs", List.of("x"))))
                .isEqualTo(id);
        assertThat(StixObservables.id("url", Map.of("value", "http://evil.example.com/login?x=1")))
                .isEqualTo("url--8e0938d7-e820-5af0-85f6-c9e415bf61d4");
        assertThat(StixObservables.id("email-addr", Map.of("value", "attacker@evil.example.com")))
                .isEqualTo("email-addr--430cdb5d-9a70-5f46-8032-e69c6ce58466");
        assertThat(StixObservables.id("ipv6-addr", Map.of("value", "2001:db8::7")))
                .isEqualTo("ipv6-addr--9ed76cd5-ab3b-55a5-b6ec-b55c3efb0be2");
    }

    @Test
    void softwareIsCanonicalisedWithItsKeysSortedAndUnicodeAsIs() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("version", "2.4.49");
        props.put("vendor", "apache");
        props.put("cpe", "cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*");
        props.put("name", "Apache HTTP Server");
        assertThat(StixObservables.id("software", props)).isEqualTo("software--86418ead-ca73-5d44-ad7c-e6903a757135");
        assertThat(StixObservables.id("software", Map.of("name", "Phần mềm HIS")))
                .isEqualTo("software--8d9d0c24-33b3-507e-8945-ef0043b7fc1f");
    }

    @Test
    void aFileIsNamedByOneHashInTheOrderOfPreference() {
        String md5 = "d41d8cd98f00b204e9800998ecf8427e";
        String sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assertThat(StixObservables.id("file", Map.of("hashes", Map.of("MD5", md5))))
                .isEqualTo("file--02fff920-f614-527c-81d1-6353633a6d21");
        assertThat(StixObservables.id("file", Map.of("hashes", Map.of("SHA-256", sha256))))
                .isEqualTo("file--22f8ff52-8f62-5f03-a53a-6f50f54fd74c");
        // MD5 before SHA-1, SHA-256, SHA-512: the same file named by both hashes gets the MD5 id
        assertThat(StixObservables.id("file", Map.of("hashes", Map.of("SHA-256", sha256, "MD5", md5))))
                .isEqualTo("file--02fff920-f614-527c-81d1-6353633a6d21");
    }

    @Test
    void anObservableCarriesItsTypeVersionAndId() {
        Map<String, Object> sco = StixObservables.observable("ipv4-addr", Map.of("value", "198.51.100.3"));
        assertThat(sco)
                .containsEntry("type", "ipv4-addr")
                .containsEntry("spec_version", "2.1")
                .containsEntry("id", "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4")
                .containsEntry("value", "198.51.100.3");
        assertThatThrownBy(() -> StixObservables.id("indicator", Map.of("name", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Every cyber-observable of a bundle has the deterministic id of its properties (for the exports' tests). */
    public static void assertDeterministicIds(JsonNode bundle) {
        int scos = 0;
        for (JsonNode o : bundle.get("objects")) {
            String type = o.get("type").asString();
            if (StixObservables.CONTRIBUTING.containsKey(type)) {
                scos++;
                Map<String, Object> props = new LinkedHashMap<>();
                for (var e : o.properties()) {
                    props.put(e.getKey(), e.getValue().isString() ? e.getValue().asString() : e.getValue());
                }
                if (o.has("hashes")) {
                    Map<String, Object> hashes = new LinkedHashMap<>();
                    o.get("hashes")
                            .properties()
                            .forEach(h -> hashes.put(h.getKey(), h.getValue().asString()));
                    props.put("hashes", hashes);
                }
                assertThat(o.get("id").asString()).as(o.toString()).isEqualTo(StixObservables.id(type, props));
            }
        }
        assertThat(scos).as("cyber-observables in the bundle").isPositive();
    }
}
