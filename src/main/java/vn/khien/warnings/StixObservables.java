package vn.khien.warnings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.erdtman.jcs.JsonCanonicalizer;
import tools.jackson.databind.json.JsonMapper;

/**
 * STIX 2.1 cyber-observable objects (SCOs) with their deterministic identifiers (STIX 2.1 §2.9): a UUIDv5 in the
 * namespace {@value #NAMESPACE} over the RFC 8785 canonical JSON of the type's ID contributing properties (§6), so
 * that every producer names the same observable with the same id. Used by every STIX export of Khiên (warnings and
 * incidents).
 */
public final class StixObservables {

    /** The namespace of STIX 2.1 §2.9 for SCO identifiers. */
    public static final String NAMESPACE = "00abedb4-aa42-466c-9c01-fed23315a9b7";

    /** The ID contributing properties of each SCO type (STIX 2.1 §6; process has none: UUIDv4). */
    static final Map<String, List<String>> CONTRIBUTING = Map.ofEntries(
            Map.entry("artifact", List.of("hashes", "payload_bin")),
            Map.entry("autonomous-system", List.of("number")),
            Map.entry("directory", List.of("path")),
            Map.entry("domain-name", List.of("value")),
            Map.entry("email-addr", List.of("value")),
            Map.entry("email-message", List.of("from_ref", "subject", "body")),
            Map.entry("file", List.of("hashes", "name", "extensions", "parent_directory_ref")),
            Map.entry("ipv4-addr", List.of("value")),
            Map.entry("ipv6-addr", List.of("value")),
            Map.entry("mac-addr", List.of("value")),
            Map.entry("mutex", List.of("name")),
            Map.entry(
                    "network-traffic",
                    List.of("start", "end", "src_ref", "dst_ref", "src_port", "dst_port", "protocols", "extensions")),
            Map.entry("software", List.of("name", "cpe", "swid", "vendor", "version")),
            Map.entry("url", List.of("value")),
            Map.entry("user-account", List.of("account_type", "user_id", "account_login")),
            Map.entry("windows-registry-key", List.of("key", "values")),
            Map.entry("x509-certificate", List.of("hashes", "serial_number")));

    /** When several hashes are given, the one that contributes to the id, in this order of preference. */
    static final List<String> HASH_PREFERENCE = List.of("MD5", "SHA-1", "SHA-256", "SHA-512");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID NAMESPACE_UUID = UUID.fromString(NAMESPACE);

    private StixObservables() {}

    /**
     * An SCO: type, spec_version, its deterministic id, then the given properties (in their order). Properties with a
     * null value are left out.
     */
    public static Map<String, Object> observable(String type, Map<String, ?> properties) {
        Map<String, Object> sco = new LinkedHashMap<>();
        sco.put("type", type);
        sco.put("spec_version", "2.1");
        sco.put("id", id(type, properties));
        properties.forEach((k, v) -> {
            if (v != null) {
                sco.put(k, v);
            }
        });
        return sco;
    }

    /** The deterministic id of an SCO of this type with these properties (only the contributing ones count). */
    public static String id(String type, Map<String, ?> properties) {
        List<String> contributing = CONTRIBUTING.get(type);
        if (contributing == null) {
            throw new IllegalArgumentException(
                    "not a STIX 2.1 cyber-observable type with contributing properties: " + type);
        }
        Map<String, Object> name = new LinkedHashMap<>();
        for (String p : contributing) {
            Object v = properties.get(p);
            if (v == null) {
                continue;
            }
            if (p.equals("hashes") && v instanceof Map<?, ?> hashes) {
                v = oneHash(hashes);
            }
            name.put(p, v);
        }
        if (name.isEmpty()) {
            return type + "--" + UUID.randomUUID();
        }
        return type + "--" + uuid5(canonical(name));
    }

    private static Map<String, Object> oneHash(Map<?, ?> hashes) {
        for (String algorithm : HASH_PREFERENCE) {
            Object value = hashes.get(algorithm);
            if (value != null) {
                return Map.of(algorithm, value);
            }
        }
        Map.Entry<?, ?> first = hashes.entrySet().iterator().next();
        return Map.of(String.valueOf(first.getKey()), first.getValue());
    }

    /** The RFC 8785 canonical form of a JSON value. */
    static String canonical(Object value) {
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(value)).getEncodedString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A name-based UUID, version 5 (SHA-1), of RFC 4122 §4.3, in the STIX namespace. */
    static UUID uuid5(String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16);
        ns.putLong(NAMESPACE_UUID.getMostSignificantBits());
        ns.putLong(NAMESPACE_UUID.getLeastSignificantBits());
        sha1.update(ns.array());
        sha1.update(name.getBytes(StandardCharsets.UTF_8));
        byte[] hash = sha1.digest();
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }
}
