package vn.khien.warnings.advisories;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CVSS v2.0, v3.0 and v3.1 scores computed from a vector string, as FIRST's specifications and reference calculators
 * define them (v2: "A Complete Guide to the CVSS Version 2.0" §3.2; v3.0 and v3.1: specification §7 and Appendix A,
 * the Roundup of v3.1), and the names CSAF's CVSS JSON objects give each metric value (the FIRST JSON schemas). Used
 * by the CSAF mandatory tests 6.1.9 (scores match the vector) and 6.1.10 (properties match the vector). No Java
 * library for CVSS is available here (ADR 0056).
 */
final class Cvss {

    private Cvss() {}

    /** The scores a vector gives (temporal and environmental with the vector's metrics, unset ones as "X"/"ND"). */
    record Scores(double base, double temporal, double environmental) {}

    /** A JSON property of CVSS v3 objects: its vector key and the JSON value for each vector value. */
    record Metric(String property, String key, Map<String, String> values) {}

    static final List<Metric> V3 = List.of(
            m("attackVector", "AV", "NETWORK", "N", "ADJACENT_NETWORK", "A", "LOCAL", "L", "PHYSICAL", "P"),
            m("attackComplexity", "AC", "HIGH", "H", "LOW", "L"),
            m("privilegesRequired", "PR", "NONE", "N", "LOW", "L", "HIGH", "H"),
            m("userInteraction", "UI", "NONE", "N", "REQUIRED", "R"),
            m("scope", "S", "UNCHANGED", "U", "CHANGED", "C"),
            m("confidentialityImpact", "C", "NONE", "N", "LOW", "L", "HIGH", "H"),
            m("integrityImpact", "I", "NONE", "N", "LOW", "L", "HIGH", "H"),
            m("availabilityImpact", "A", "NONE", "N", "LOW", "L", "HIGH", "H"),
            m(
                    "exploitCodeMaturity",
                    "E",
                    "UNPROVEN",
                    "U",
                    "PROOF_OF_CONCEPT",
                    "P",
                    "FUNCTIONAL",
                    "F",
                    "HIGH",
                    "H",
                    "NOT_DEFINED",
                    "X"),
            m(
                    "remediationLevel",
                    "RL",
                    "OFFICIAL_FIX",
                    "O",
                    "TEMPORARY_FIX",
                    "T",
                    "WORKAROUND",
                    "W",
                    "UNAVAILABLE",
                    "U",
                    "NOT_DEFINED",
                    "X"),
            m("reportConfidence", "RC", "UNKNOWN", "U", "REASONABLE", "R", "CONFIRMED", "C", "NOT_DEFINED", "X"),
            m("confidentialityRequirement", "CR", "LOW", "L", "MEDIUM", "M", "HIGH", "H", "NOT_DEFINED", "X"),
            m("integrityRequirement", "IR", "LOW", "L", "MEDIUM", "M", "HIGH", "H", "NOT_DEFINED", "X"),
            m("availabilityRequirement", "AR", "LOW", "L", "MEDIUM", "M", "HIGH", "H", "NOT_DEFINED", "X"),
            m(
                    "modifiedAttackVector",
                    "MAV",
                    "NETWORK",
                    "N",
                    "ADJACENT_NETWORK",
                    "A",
                    "LOCAL",
                    "L",
                    "PHYSICAL",
                    "P",
                    "NOT_DEFINED",
                    "X"),
            m("modifiedAttackComplexity", "MAC", "HIGH", "H", "LOW", "L", "NOT_DEFINED", "X"),
            m("modifiedPrivilegesRequired", "MPR", "HIGH", "H", "LOW", "L", "NONE", "N", "NOT_DEFINED", "X"),
            m("modifiedUserInteraction", "MUI", "NONE", "N", "REQUIRED", "R", "NOT_DEFINED", "X"),
            m("modifiedScope", "MS", "UNCHANGED", "U", "CHANGED", "C", "NOT_DEFINED", "X"),
            m("modifiedConfidentialityImpact", "MC", "HIGH", "H", "LOW", "L", "NONE", "N", "NOT_DEFINED", "X"),
            m("modifiedIntegrityImpact", "MI", "HIGH", "H", "LOW", "L", "NONE", "N", "NOT_DEFINED", "X"),
            m("modifiedAvailabilityImpact", "MA", "HIGH", "H", "LOW", "L", "NONE", "N", "NOT_DEFINED", "X"));

    static final List<Metric> V2 = List.of(
            m("accessVector", "AV", "NETWORK", "N", "ADJACENT_NETWORK", "A", "LOCAL", "L"),
            m("accessComplexity", "AC", "HIGH", "H", "MEDIUM", "M", "LOW", "L"),
            m("authentication", "Au", "MULTIPLE", "M", "SINGLE", "S", "NONE", "N"),
            m("confidentialityImpact", "C", "NONE", "N", "PARTIAL", "P", "COMPLETE", "C"),
            m("integrityImpact", "I", "NONE", "N", "PARTIAL", "P", "COMPLETE", "C"),
            m("availabilityImpact", "A", "NONE", "N", "PARTIAL", "P", "COMPLETE", "C"),
            m(
                    "exploitability",
                    "E",
                    "UNPROVEN",
                    "U",
                    "PROOF_OF_CONCEPT",
                    "POC",
                    "FUNCTIONAL",
                    "F",
                    "HIGH",
                    "H",
                    "NOT_DEFINED",
                    "ND"),
            m(
                    "remediationLevel",
                    "RL",
                    "OFFICIAL_FIX",
                    "OF",
                    "TEMPORARY_FIX",
                    "TF",
                    "WORKAROUND",
                    "W",
                    "UNAVAILABLE",
                    "U",
                    "NOT_DEFINED",
                    "ND"),
            m(
                    "reportConfidence",
                    "RC",
                    "UNCONFIRMED",
                    "UC",
                    "UNCORROBORATED",
                    "UR",
                    "CONFIRMED",
                    "C",
                    "NOT_DEFINED",
                    "ND"),
            m(
                    "collateralDamagePotential",
                    "CDP",
                    "NONE",
                    "N",
                    "LOW",
                    "L",
                    "LOW_MEDIUM",
                    "LM",
                    "MEDIUM_HIGH",
                    "MH",
                    "HIGH",
                    "H",
                    "NOT_DEFINED",
                    "ND"),
            m("targetDistribution", "TD", "NONE", "N", "LOW", "L", "MEDIUM", "M", "HIGH", "H", "NOT_DEFINED", "ND"),
            m("confidentialityRequirement", "CR", "LOW", "L", "MEDIUM", "M", "HIGH", "H", "NOT_DEFINED", "ND"),
            m("integrityRequirement", "IR", "LOW", "L", "MEDIUM", "M", "HIGH", "H", "NOT_DEFINED", "ND"),
            m("availabilityRequirement", "AR", "LOW", "L", "MEDIUM", "M", "HIGH", "H", "NOT_DEFINED", "ND"));

    private static final Set<String> V3_BASE = Set.of("AV", "AC", "PR", "UI", "S", "C", "I", "A");
    private static final Set<String> V2_BASE = Set.of("AV", "AC", "Au", "C", "I", "A");

    private static Metric m(String property, String key, String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return new Metric(property, key, values);
    }

    /** The vector's metrics (key → value), or null when it is not a well-formed vector of those metrics. */
    static Map<String, String> parse(String vector, List<Metric> metrics, Set<String> mandatory) {
        Map<String, String> out = new HashMap<>();
        for (String part : vector.split("/", -1)) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                return null;
            }
            String key = part.substring(0, colon);
            String value = part.substring(colon + 1);
            Metric metric = metrics.stream()
                    .filter(x -> x.key().equals(key))
                    .findFirst()
                    .orElse(null);
            if (metric == null || !metric.values().containsValue(value) || out.put(key, value) != null) {
                return null;
            }
        }
        return out.keySet().containsAll(mandatory) ? out : null;
    }

    /** v3.0 or v3.1 scores, or null when the vector is not one of that version. */
    static Scores v3(String vector, String version) {
        String prefix = "CVSS:" + version + "/";
        if (!vector.startsWith(prefix)) {
            return null;
        }
        Map<String, String> v = parse(vector.substring(prefix.length()), V3, V3_BASE);
        if (v == null) {
            return null;
        }
        boolean v31 = version.equals("3.1");
        boolean changed = v.get("S").equals("C");
        double impact = v3Impact(iss(v.get("C"), v.get("I"), v.get("A"), 1, 1, 1), changed, false, v31);
        double exploitability = 8.22 * av(v.get("AV")) * ac(v.get("AC")) * pr(v.get("PR"), changed) * ui(v.get("UI"));
        double base = impact <= 0
                ? 0
                : changed
                        ? roundup(Math.min(1.08 * (impact + exploitability), 10), v31)
                        : roundup(Math.min(impact + exploitability, 10), v31);
        double e = switch (v.getOrDefault("E", "X")) {
            case "U" -> 0.91;
            case "P" -> 0.94;
            case "F" -> 0.97;
            default -> 1;
        };
        double rl = switch (v.getOrDefault("RL", "X")) {
            case "O" -> 0.95;
            case "T" -> 0.96;
            case "W" -> 0.97;
            default -> 1;
        };
        double rc = switch (v.getOrDefault("RC", "X")) {
            case "U" -> 0.92;
            case "R" -> 0.96;
            default -> 1;
        };
        double temporal = roundup(base * e * rl * rc, v31);
        boolean mChanged = modified(v, "MS", "S").equals("C");
        double miss = Math.min(
                iss(
                        modified(v, "MC", "C"),
                        modified(v, "MI", "I"),
                        modified(v, "MA", "A"),
                        requirement(v.get("CR")),
                        requirement(v.get("IR")),
                        requirement(v.get("AR"))),
                0.915);
        double mImpact = v3Impact(miss, mChanged, true, v31);
        double mExploitability = 8.22
                * av(modified(v, "MAV", "AV"))
                * ac(modified(v, "MAC", "AC"))
                * pr(modified(v, "MPR", "PR"), mChanged)
                * ui(modified(v, "MUI", "UI"));
        double environmental = mImpact <= 0
                ? 0
                : mChanged
                        ? roundup(roundup(Math.min(1.08 * (mImpact + mExploitability), 10), v31) * e * rl * rc, v31)
                        : roundup(roundup(Math.min(mImpact + mExploitability, 10), v31) * e * rl * rc, v31);
        return new Scores(base, temporal, environmental);
    }

    /** The qualitative rating of a v3 score (specification §5). */
    static String severity(double score) {
        if (score == 0) {
            return "NONE";
        }
        if (score < 4) {
            return "LOW";
        }
        if (score < 7) {
            return "MEDIUM";
        }
        return score < 9 ? "HIGH" : "CRITICAL";
    }

    private static String modified(Map<String, String> v, String key, String baseKey) {
        String m = v.get(key);
        return m == null || m.equals("X") ? v.get(baseKey) : m;
    }

    private static double requirement(String value) {
        return value == null ? 1 : value.equals("H") ? 1.5 : value.equals("L") ? 0.5 : 1;
    }

    private static double iss(String c, String i, String a, double cr, double ir, double ar) {
        return 1 - (1 - cr * cia(c)) * (1 - ir * cia(i)) * (1 - ar * cia(a));
    }

    private static double v3Impact(double iss, boolean changed, boolean modified, boolean v31) {
        if (!changed) {
            return 6.42 * iss;
        }
        if (modified && v31) {
            return 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss * 0.9731 - 0.02, 13);
        }
        return 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15);
    }

    private static double cia(String x) {
        return x.equals("H") ? 0.56 : x.equals("L") ? 0.22 : 0;
    }

    private static double av(String x) {
        return switch (x) {
            case "N" -> 0.85;
            case "A" -> 0.62;
            case "L" -> 0.55;
            default -> 0.2;
        };
    }

    private static double ac(String x) {
        return x.equals("L") ? 0.77 : 0.44;
    }

    private static double pr(String x, boolean changed) {
        return switch (x) {
            case "N" -> 0.85;
            case "L" -> changed ? 0.68 : 0.62;
            default -> changed ? 0.5 : 0.27;
        };
    }

    private static double ui(String x) {
        return x.equals("N") ? 0.85 : 0.62;
    }

    /** v3.1 Roundup (Appendix A, free of floating point surprises); v3.0 the plain ceiling to one decimal. */
    static double roundup(double x, boolean v31) {
        if (!v31) {
            return Math.ceil(x * 10) / 10;
        }
        long i = Math.round(x * 100000);
        return i % 10000 == 0 ? i / 100000.0 : (Math.floor(i / 10000.0) + 1) / 10.0;
    }

    /** v2 scores (base, temporal, environmental), or null when the vector is not a v2 vector. */
    static Scores v2(String vector) {
        String body =
                vector.startsWith("(") && vector.endsWith(")") ? vector.substring(1, vector.length() - 1) : vector;
        Map<String, String> v = parse(body, V2, V2_BASE);
        if (v == null) {
            return null;
        }
        double c = v2Cia(v.get("C"));
        double i = v2Cia(v.get("I"));
        double a = v2Cia(v.get("A"));
        double exploitability = 20 * v2Av(v.get("AV")) * v2Ac(v.get("AC")) * v2Au(v.get("Au"));
        double impact = 10.41 * (1 - (1 - c) * (1 - i) * (1 - a));
        double base = v2Base(impact, exploitability);
        double e = switch (v.getOrDefault("E", "ND")) {
            case "U" -> 0.85;
            case "POC" -> 0.9;
            case "F" -> 0.95;
            default -> 1;
        };
        double rl = switch (v.getOrDefault("RL", "ND")) {
            case "OF" -> 0.87;
            case "TF" -> 0.9;
            case "W" -> 0.95;
            default -> 1;
        };
        double rc = switch (v.getOrDefault("RC", "ND")) {
            case "UC" -> 0.9;
            case "UR" -> 0.95;
            default -> 1;
        };
        double temporal = round1(base * e * rl * rc);
        double adjustedImpact = Math.min(
                10,
                10.41
                        * (1
                                - (1 - c * v2Req(v.get("CR")))
                                        * (1 - i * v2Req(v.get("IR")))
                                        * (1 - a * v2Req(v.get("AR")))));
        double adjustedTemporal = round1(v2Base(adjustedImpact, exploitability) * e * rl * rc);
        double cdp = switch (v.getOrDefault("CDP", "ND")) {
            case "L" -> 0.1;
            case "LM" -> 0.3;
            case "MH" -> 0.4;
            case "H" -> 0.5;
            default -> 0;
        };
        double td = switch (v.getOrDefault("TD", "ND")) {
            case "N" -> 0;
            case "L" -> 0.25;
            case "M" -> 0.75;
            default -> 1;
        };
        double environmental = round1((adjustedTemporal + (10 - adjustedTemporal) * cdp) * td);
        return new Scores(base, temporal, environmental);
    }

    private static double v2Base(double impact, double exploitability) {
        double f = impact == 0 ? 0 : 1.176;
        return round1((0.6 * impact + 0.4 * exploitability - 1.5) * f);
    }

    private static double round1(double x) {
        return Math.round(x * 10) / 10.0;
    }

    private static double v2Cia(String x) {
        return x.equals("C") ? 0.66 : x.equals("P") ? 0.275 : 0;
    }

    private static double v2Av(String x) {
        return x.equals("N") ? 1 : x.equals("A") ? 0.646 : 0.395;
    }

    private static double v2Ac(String x) {
        return x.equals("L") ? 0.71 : x.equals("M") ? 0.61 : 0.35;
    }

    private static double v2Au(String x) {
        return x.equals("N") ? 0.704 : x.equals("S") ? 0.56 : 0.45;
    }

    private static double v2Req(String x) {
        return x == null ? 1 : x.equals("H") ? 1.51 : x.equals("L") ? 0.5 : 1;
    }
}
