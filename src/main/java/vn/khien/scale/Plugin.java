package vn.khien.scale;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Scanner checks the generated findings come from: real CVEs of the products above, across all severities. */
record Plugin(
        int id,
        String title,
        String severity,
        @Nullable String cves,
        @Nullable Double cvss,
        @Nullable String component,
        int port) {

    static final List<Plugin> ALL = List.of(
            new Plugin(
                    153584,
                    "Apache 2.4.49 Path Traversal",
                    "CRITICAL",
                    ",CVE-2021-41773,",
                    9.8,
                    "Apache HTTP Server",
                    443),
            new Plugin(156032, "Apache Log4Shell RCE", "CRITICAL", ",CVE-2021-44228,", 10.0, "Log4j", 8080),
            new Plugin(
                    158900, "OpenSSL Infinite Loop in BN_mod_sqrt()", "HIGH", ",CVE-2022-0778,", 7.5, "OpenSSL", 443),
            new Plugin(
                    162721,
                    "Microsoft Exchange Server ProxyNotShell",
                    "HIGH",
                    ",CVE-2022-41040,CVE-2022-41082,",
                    8.8,
                    "Exchange Server",
                    443),
            new Plugin(159374, "Spring4Shell RCE", "CRITICAL", ",CVE-2022-22965,", 9.8, "Spring Framework", 8080),
            new Plugin(
                    187315,
                    "SSH Terrapin Prefix Truncation Weakness",
                    "MEDIUM",
                    ",CVE-2023-48795,",
                    5.9,
                    "OpenSSH",
                    22),
            new Plugin(142960, "HSTS Missing From HTTPS Server", "MEDIUM", null, 6.5, null, 443),
            new Plugin(104743, "TLS Version 1.0 Protocol Detection", "MEDIUM", null, 6.5, null, 443),
            new Plugin(57582, "SSL Self-Signed Certificate", "MEDIUM", null, 6.5, null, 443),
            new Plugin(
                    136929,
                    "jQuery 1.2 < 3.5.0 Multiple XSS",
                    "MEDIUM",
                    ",CVE-2020-11022,CVE-2020-11023,",
                    6.1,
                    "jQuery",
                    443),
            new Plugin(
                    161454,
                    "MySQL Server Multiple Vulnerabilities (Apr 2022 CPU)",
                    "HIGH",
                    ",CVE-2022-21417,",
                    4.9,
                    "MySQL",
                    3306),
            new Plugin(10114, "ICMP Timestamp Request Remote Date Disclosure", "LOW", ",CVE-1999-0524,", 2.1, null, 0),
            new Plugin(70658, "SSH Server CBC Mode Ciphers Enabled", "LOW", ",CVE-2008-5161,", 2.6, "OpenSSH", 22),
            new Plugin(10287, "Traceroute Information", "INFO", null, null, null, 0),
            new Plugin(11219, "Nessus SYN scanner", "INFO", null, null, null, 443),
            new Plugin(22964, "Service Detection", "INFO", null, null, null, 80));

    /** Severity rank as the import writes it: the ordinal of CRITICAL, HIGH, MEDIUM, LOW, INFO. */
    int rank() {
        return List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO").indexOf(severity);
    }

    /** Days to fix from the root's policy of the generated set (15/30/90/180); informational findings have none. */
    int slaDays() {
        return switch (severity) {
            case "CRITICAL" -> 15;
            case "HIGH" -> 30;
            case "MEDIUM" -> 90;
            case "LOW" -> 180;
            default -> -1;
        };
    }
}
