package vn.khien.warnings.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything an advisory or warning says is affected: NVD-style configurations (CPE) and purl criteria, with the
 * products stated as not affected (CSAF known_not_affected, VEX) which are never matched even when another
 * statement would match them.
 */
public record AffectedProducts(
        List<NvdConfiguration> configurations, List<PurlCriterion> purls, List<Criterion> notAffected) {

    public AffectedProducts {
        configurations = List.copyOf(configurations);
        purls = List.copyOf(purls);
        notAffected = List.copyOf(notAffected);
    }

    public static AffectedProducts empty() {
        return new AffectedProducts(List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return configurations.isEmpty() && purls.isEmpty();
    }

    /** Keys to pre-select components in SQL (vulnerable CPE names and purls). */
    public List<String> candidateKeys() {
        List<String> keys = new ArrayList<>();
        configurations.forEach(c -> keys.addAll(c.vulnerableKeys()));
        purls.forEach(p -> keys.add(p.candidateKey()));
        return keys.stream().distinct().toList();
    }

    /** The affected components of one system with the reason for each. */
    public Map<Component, String> match(List<Component> systemComponents) {
        Map<Component, String> out = new LinkedHashMap<>();
        for (NvdConfiguration c : configurations) {
            c.affected(systemComponents).forEach(out::putIfAbsent);
        }
        for (PurlCriterion p : purls) {
            for (Component c : systemComponents) {
                p.match(c).ifPresent(why -> out.putIfAbsent(c, why));
            }
        }
        out.keySet().removeIf(c -> notAffected.stream().anyMatch(n -> n.match(c).isPresent()));
        return out;
    }
}
