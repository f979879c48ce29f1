package vn.khien.systems.register;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.FieldProblemException.FieldProblem;

/** Business rules of inventory entries, so that later matching of warnings and scans can rely on the data. */
final class ComponentRules {
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(/([0-9]|[12]\\d|3[0-2]))?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(/\\d{1,3})?");
    /** CPE 2.3 formatted string: "cpe:2.3:" part and ten more colon-separated attributes. */
    private static final Pattern CPE23 = Pattern.compile("cpe:2\\.3:[aoh*-](:(\\\\:|[^:])+){10}");
    /** Package URL: pkg:type/[namespace/]name[@version]. */
    private static final Pattern PURL = Pattern.compile("pkg:[a-zA-Z.+-][a-zA-Z0-9.+-]*/\\S+");

    private ComponentRules() {}

    static void check(ComponentRequest r) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.getKind() == ComponentKind.SOFTWARE) {
            if (r.getProduct() == null) {
                problems.add(new FieldProblem("product", "validation.required"));
            }
        } else if (r.getName() == null) {
            problems.add(new FieldProblem("name", "validation.required"));
        }
        if (r.getKind() == ComponentKind.APPLICATION
                && r.getUrl() != null
                && !r.getUrl().matches("(?i)https?://\\S+")) {
            problems.add(new FieldProblem("url", "systems.error.url"));
        }
        if (r.getIpAddresses() != null) {
            for (String ip : splitIps(r.getIpAddresses())) {
                if (!IPV4.matcher(ip).matches() && !IPV6.matcher(ip).matches()) {
                    problems.add(new FieldProblem("ipAddresses", "systems.error.ip", ip));
                    break;
                }
            }
        }
        if (r.getCpe() != null && !CPE23.matcher(r.getCpe()).matches()) {
            problems.add(new FieldProblem("cpe", "systems.error.cpe"));
        }
        if (r.getPurl() != null && !PURL.matcher(r.getPurl()).matches()) {
            problems.add(new FieldProblem("purl", "systems.error.purl"));
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
    }

    static List<String> splitIps(String ips) {
        List<String> out = new ArrayList<>();
        for (String ip : ips.split("[,;\\s]+")) {
            if (!ip.isBlank()) {
                out.add(ip.trim());
            }
        }
        return out;
    }

    static String displayName(ComponentRequest r) {
        if (r.getName() != null) {
            return r.getName();
        }
        return (r.getVendor() == null ? "" : r.getVendor() + " ")
                + r.getProduct()
                + (r.getVersion() == null ? "" : " " + r.getVersion());
    }
}
