package vn.khien.warnings.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.khien.vulnerabilities.KnownExploitedFindings;
import vn.khien.warnings.matching.AffectedJson;
import vn.khien.warnings.matching.AffectedProducts;

/**
 * Finds the systems a warning reaches: in-scope systems with a component matching an affected product (candidate
 * components pre-selected in SQL by the start of their CPE/purl, then checked by the matching engine, with the whole
 * inventory of candidate systems loaded when a configuration has platform conditions), and in-scope systems with an
 * active finding carrying one of the warning's CVEs. Adds targets and reasons; never removes them.
 */
@Component
class WarningMatcher {

    private final WarningRepository warnings;
    private final KnownExploitedFindings findings;

    WarningMatcher(WarningRepository warnings, KnownExploitedFindings findings) {
        this.warnings = warnings;
        this.findings = findings;
    }

    /**
     * Matches a whole warning; returns the ids of newly reached systems. Only the candidate systems (those with a
     * pre-selected component or an active finding of one of the CVEs) are checked against the warning's scope, in
     * SQL: the scope's systems are never loaded as a whole (a national scope holds every system).
     */
    Set<Long> matchAll(WarningRepository.Warning w, Instant now) {
        return match(w, null, null, now);
    }

    /** Matches one system (added component, imported scan) against one warning whose scope holds it. */
    Set<Long> matchSystem(WarningRepository.Warning w, long systemId, long ownerId, Instant now) {
        return match(w, Map.of(systemId, ownerId), systemId, now);
    }

    private Set<Long> match(
            WarningRepository.Warning w, @Nullable Map<Long, Long> given, @Nullable Long onlySystem, Instant now) {
        List<WarningRepository.Reach> reaches = new ArrayList<>();
        AffectedProducts products = AffectedJson.read(w.affected());
        List<vn.khien.warnings.matching.Component> candidates = products.isEmpty()
                ? List.of()
                : onlySystem != null
                        ? warnings.componentsOf(List.of(onlySystem))
                        : warnings.componentsByKeys(products.candidateKeys());
        List<KnownExploitedFindings.Hit> hits =
                w.cves().isEmpty() ? List.of() : findings.activeWith(new HashSet<>(w.cves()));
        Map<Long, Long> inScope = given;
        if (inScope == null) {
            Set<Long> candidateSystems = new HashSet<>();
            candidates.forEach(c -> candidateSystems.add(c.systemId()));
            hits.forEach(h -> candidateSystems.add(h.systemId()));
            inScope = warnings.systemsInScope(w.id(), candidateSystems);
        }
        if (!products.isEmpty()) {
            Set<Long> systems = candidates.stream()
                    .map(vn.khien.warnings.matching.Component::systemId)
                    .filter(inScope::containsKey)
                    .collect(Collectors.toSet());
            boolean platforms = products.configurations().stream()
                    .anyMatch(c -> c.nodes().size() > 1
                            || c.nodes().stream()
                                    .anyMatch(n -> n.matches().stream().anyMatch(m -> !m.vulnerable())));
            List<vn.khien.warnings.matching.Component> inventory =
                    platforms && onlySystem == null ? warnings.componentsOf(systems) : candidates;
            Map<Long, List<vn.khien.warnings.matching.Component>> bySystem = new LinkedHashMap<>();
            for (var c : inventory) {
                if (systems.contains(c.systemId())) {
                    bySystem.computeIfAbsent(c.systemId(), k -> new ArrayList<>())
                            .add(c);
                }
            }
            for (var e : bySystem.entrySet()) {
                Map<vn.khien.warnings.matching.Component, String> hit = products.match(e.getValue());
                for (var h : hit.entrySet()) {
                    String by = h.getValue().startsWith("pkg:") ? "PURL" : "CPE";
                    reaches.add(new WarningRepository.Reach(
                            e.getKey(), inScope.get(e.getKey()), by, h.getKey().id(), null, h.getValue()));
                }
            }
        }
        if (!hits.isEmpty()) {
            for (KnownExploitedFindings.Hit h : hits) {
                if (inScope.containsKey(h.systemId()) && (onlySystem == null || onlySystem == h.systemId())) {
                    reaches.add(new WarningRepository.Reach(
                            h.systemId(), inScope.get(h.systemId()), "FINDING", null, h.findingId(), h.cve()));
                }
            }
        }
        Set<Long> reached = warnings.reachAll(w.id(), reaches, now);
        if (!reached.isEmpty() && "SUBTREE".equals(w.scopeKind()) && Tlp.of(w.tlp()) == Tlp.AMBER_STRICT) {
            // AMBER+STRICT reaches the affected organisations themselves
            Map<Long, Long> owners = inScope;
            warnings.addRecipients(w.id(), reached.stream().map(owners::get).collect(Collectors.toList()));
        }
        return reached;
    }
}
