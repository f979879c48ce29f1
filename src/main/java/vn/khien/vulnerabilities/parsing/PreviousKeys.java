package vn.khien.vulnerabilities.parsing;

import java.util.ArrayList;
import java.util.List;

/**
 * Fingerprints that earlier versions of a parser gave the same finding, so an import can move a stored finding to
 * its current key instead of opening a new one and closing the old as fixed.
 *
 * <p>Nessus XML: until V22 the key was tool + plugin + severity, so a plugin whose severity changed between scans
 * became a new finding. It is now tool + plugin (severity only where one report has the plugin at two severities;
 * see NessusParser). The previous keys are tool + plugin + each severity, the finding's own first.
 */
public final class PreviousKeys {

    private PreviousKeys() {}

    public static List<String> of(String format, ParsedFinding f) {
        if (!"nessus".equals(format) || !f.mergedKey()) {
            return List.of();
        }
        String rule = ParsedFinding.ruleKey(f.vulnIdFromTool(), f.title());
        List<String> keys = new ArrayList<>();
        keys.add(
                ParsedFinding.mergedFingerprint(f.toolName(), rule, f.severity().name()));
        for (Severity s : Severity.values()) {
            if (s != f.severity()) {
                keys.add(ParsedFinding.mergedFingerprint(f.toolName(), rule, s.name()));
            }
        }
        keys.remove(f.fingerprint());
        return keys;
    }
}
