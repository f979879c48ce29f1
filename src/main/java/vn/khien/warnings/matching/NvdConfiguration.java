package vn.khien.warnings.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One NVD configuration: nodes joined by the configuration's operator (AND, or a single node), each node an OR/AND of
 * CPE matches, optionally negated. A {@code vulnerable: false} match is a platform ("running on"): it can make a
 * node true, but a component matched only by it is never reported as affected.
 */
public record NvdConfiguration(boolean and, List<Node> nodes) {

    public record Node(boolean and, boolean negate, List<Match> matches) {}

    public record Match(boolean vulnerable, CpeCriterion criterion) {}

    /** A configuration made of one vulnerable criterion (a warning's own list, CSAF or OSV products). */
    public static NvdConfiguration single(CpeCriterion criterion) {
        return new NvdConfiguration(false, List.of(new Node(false, false, List.of(new Match(true, criterion)))));
    }

    /**
     * The components of one system that this configuration makes affected, with the reason; empty when the
     * configuration does not hold for the system's inventory.
     */
    public Map<Component, String> affected(List<Component> systemComponents) {
        Map<Component, String> vulnerable = new LinkedHashMap<>();
        List<Boolean> nodeResults = new ArrayList<>();
        for (Node node : nodes) {
            Map<Component, String> nodeVulnerable = new LinkedHashMap<>();
            List<Boolean> matchResults = new ArrayList<>();
            for (Match m : node.matches()) {
                boolean any = false;
                for (Component c : systemComponents) {
                    var why = m.criterion().match(c);
                    if (why.isPresent()) {
                        any = true;
                        if (m.vulnerable()) {
                            nodeVulnerable.putIfAbsent(c, why.get());
                        }
                    }
                }
                matchResults.add(any);
            }
            boolean result = node.and()
                    ? !matchResults.isEmpty() && matchResults.stream().allMatch(b -> b)
                    : matchResults.stream().anyMatch(b -> b);
            if (node.negate()) {
                result = !result;
                nodeVulnerable.clear();
            }
            nodeResults.add(result);
            if (result) {
                vulnerable.putAll(nodeVulnerable);
            }
        }
        boolean holds = and
                ? !nodeResults.isEmpty() && nodeResults.stream().allMatch(b -> b)
                : nodeResults.stream().anyMatch(b -> b);
        return holds ? vulnerable : Map.of();
    }

    /** Candidate keys of the vulnerable matches (platform matches never select a system by themselves). */
    public List<String> vulnerableKeys() {
        List<String> keys = new ArrayList<>();
        for (Node n : nodes) {
            for (Match m : n.matches()) {
                if (m.vulnerable()) {
                    keys.add(m.criterion().candidateKey());
                }
            }
        }
        return keys;
    }
}
