package vn.khien.incidents.cases;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.khien.warnings.StixObservables;

/**
 * A case's indicators as a STIX 2.1 bundle: an identity for the reporting organisation, one indicator per IoC (STIX
 * patterning), an observed-data object over the same observables, and a report object for the incident, all marked
 * TLP:AMBER. Identifiers are stable per case and value, so a re-export updates rather than duplicates.
 */
final class StixExport {

    /** The TLP:AMBER marking definition of the STIX 2.1 specification (§7.2.1.4). */
    static final String TLP_AMBER = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";

    private StixExport() {}

    static Map<String, Object> bundle(
            Incident i, List<IncidentRepository.Indicator> indicators, String stixCategory, Instant now) {
        return bundle(i, indicators, stixCategory, now, List.of(), List.of());
    }

    /**
     * With the case record: each affected system as an infrastructure object, its affected components as software
     * observables (in the observed data, and the infrastructure "consists-of" them), and each CVE of the linked
     * findings and warnings as a vulnerability object.
     */
    static Map<String, Object> bundle(
            Incident i,
            List<IncidentRepository.Indicator> indicators,
            String stixCategory,
            Instant now,
            List<IncidentLinkService.AffectedSystem> affected,
            List<String> cves) {
        String ts = stamp(now);
        String created = stamp(i.createdAt());
        List<Map<String, Object>> objects = new ArrayList<>();
        String identity = id("identity", "org:" + i.organizationId());
        objects.add(obj(
                "identity",
                identity,
                created,
                ts,
                Map.of("name", i.organizationName(), "identity_class", "organization")));
        List<String> refs = new ArrayList<>();
        List<Map<String, Object>> observables = new ArrayList<>();
        for (IncidentRepository.Indicator x : indicators) {
            String sid = id("indicator", i.id() + ":" + x.kind() + ":" + x.value());
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("name", x.kind() + " " + x.value());
            props.put("indicator_types", List.of("malicious-activity"));
            props.put("pattern", pattern(x.kind(), x.value()));
            props.put("pattern_type", "stix");
            props.put("valid_from", stamp(i.detectedAt()));
            props.put("created_by_ref", identity);
            props.put("object_marking_refs", List.of(TLP_AMBER));
            objects.add(obj("indicator", sid, created, ts, props));
            refs.add(sid);
            Map<String, Object> sco = observable(x.kind(), x.value());
            if (sco != null) {
                addOnce(observables, sco);
            }
        }
        List<Map<String, Object>> relationships = new ArrayList<>();
        for (IncidentLinkService.AffectedSystem a : affected) {
            String infra = id("infrastructure", "system:" + a.systemId());
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("name", a.name());
            props.put("description", a.code());
            props.put("created_by_ref", identity);
            props.put("object_marking_refs", List.of(TLP_AMBER));
            objects.add(obj("infrastructure", infra, created, ts, props));
            refs.add(infra);
            for (IncidentLinkService.Component c : a.components()) {
                Map<String, Object> sw = StixObservables.observable("software", Map.of("name", c.label()));
                addOnce(observables, sw);
                Map<String, Object> rel = new LinkedHashMap<>();
                rel.put("relationship_type", "consists-of");
                rel.put("source_ref", infra);
                rel.put("target_ref", sw.get("id"));
                rel.put("created_by_ref", identity);
                rel.put("object_marking_refs", List.of(TLP_AMBER));
                addOnce(
                        relationships,
                        obj("relationship", id("relationship", infra + "|" + sw.get("id")), created, ts, rel));
            }
        }
        for (String cve : cves) {
            String vid = id("vulnerability", cve);
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("name", cve);
            props.put("external_references", List.of(Map.of("source_name", "cve", "external_id", cve)));
            props.put("created_by_ref", identity);
            props.put("object_marking_refs", List.of(TLP_AMBER));
            objects.add(obj("vulnerability", vid, created, ts, props));
            refs.add(vid);
        }
        if (!observables.isEmpty()) {
            List<String> scoRefs = new ArrayList<>();
            for (Map<String, Object> sco : observables) {
                objects.add(sco);
                scoRefs.add((String) sco.get("id"));
            }
            String od = id("observed-data", "incident:" + i.id());
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("first_observed", stamp(i.detectedAt()));
            props.put("last_observed", ts);
            props.put("number_observed", 1);
            props.put("object_refs", scoRefs);
            props.put("created_by_ref", identity);
            props.put("object_marking_refs", List.of(TLP_AMBER));
            objects.add(obj("observed-data", od, created, ts, props));
            refs.add(od);
        }
        for (Map<String, Object> rel : relationships) {
            objects.add(rel);
            refs.add((String) rel.get("id"));
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("name", i.title());
        report.put("description", i.description() == null ? "" : i.description());
        report.put("report_types", List.of("threat-report"));
        report.put("published", ts);
        report.put("labels", List.of("incident", stixCategory));
        report.put("object_refs", refs.isEmpty() ? List.of(identity) : refs);
        report.put("created_by_ref", identity);
        report.put("object_marking_refs", List.of(TLP_AMBER));
        report.put("external_references", List.of(Map.of("source_name", "khien", "external_id", "incident-" + i.id())));
        objects.add(obj("report", id("report", "incident:" + i.id()), created, ts, report));
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + UUID.randomUUID());
        bundle.put("objects", objects);
        return bundle;
    }

    private static Map<String, Object> obj(
            String type, String id, String created, String modified, Map<String, Object> props) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("spec_version", "2.1");
        m.put("id", id);
        m.put("created", created);
        m.put("modified", modified);
        m.putAll(props);
        return m;
    }

    static String pattern(String kind, String value) {
        String v = value.replace("\\", "\\\\").replace("'", "\\'");
        return switch (Indicators.Kind.valueOf(kind)) {
            case IPV4, CIDR ->
                value.contains(":") ? "[ipv6-addr:value = '" + v + "']" : "[ipv4-addr:value = '" + v + "']";
            case IPV6 -> "[ipv6-addr:value = '" + v + "']";
            case DOMAIN -> "[domain-name:value = '" + v + "']";
            case URL -> "[url:value = '" + v + "']";
            case EMAIL -> "[email-addr:value = '" + v + "']";
            case MD5 -> "[file:hashes.MD5 = '" + v + "']";
            case SHA1 -> "[file:hashes.'SHA-1' = '" + v + "']";
            case SHA256 -> "[file:hashes.'SHA-256' = '" + v + "']";
        };
    }

    /**
     * The cyber-observable of an indicator, with its STIX 2.1 §2.9 deterministic id (UUIDv5 of its contributing
     * properties: the value, or the file's hash), so that every producer names the same observable alike.
     */
    private static Map<String, Object> observable(String kind, String value) {
        return switch (Indicators.Kind.valueOf(kind)) {
            case IPV4 -> StixObservables.observable("ipv4-addr", Map.of("value", value));
            case IPV6 -> StixObservables.observable("ipv6-addr", Map.of("value", value));
            case CIDR ->
                StixObservables.observable(value.contains(":") ? "ipv6-addr" : "ipv4-addr", Map.of("value", value));
            case DOMAIN -> StixObservables.observable("domain-name", Map.of("value", value));
            case URL -> StixObservables.observable("url", Map.of("value", value));
            case EMAIL -> StixObservables.observable("email-addr", Map.of("value", value));
            case MD5 -> StixObservables.observable("file", Map.of("hashes", Map.of("MD5", value)));
            case SHA1 -> StixObservables.observable("file", Map.of("hashes", Map.of("SHA-1", value)));
            case SHA256 -> StixObservables.observable("file", Map.of("hashes", Map.of("SHA-256", value)));
        };
    }

    /** Adds the object unless one with its id is already there (one observable, one relationship per id). */
    private static void addOnce(List<Map<String, Object>> objects, Map<String, Object> o) {
        if (objects.stream().noneMatch(x -> x.get("id").equals(o.get("id")))) {
            objects.add(o);
        }
    }

    /** A STIX timestamp: UTC, always with milliseconds (STIX 2.1 §3.2: created and modified are millisecond-precise). */
    static String stamp(Instant t) {
        String s = t.truncatedTo(ChronoUnit.MILLIS).toString();
        return s.contains(".") ? s : s.replace("Z", ".000Z");
    }

    static String id(String type, String seed) {
        return type + "--" + UUID.nameUUIDFromBytes((type + "|" + seed).getBytes(StandardCharsets.UTF_8));
    }
}
