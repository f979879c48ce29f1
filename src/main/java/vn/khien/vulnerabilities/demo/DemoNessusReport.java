package vn.khien.vulnerabilities.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A small, realistic .nessus (NessusClientData_v2) report of the demo hospital system's hosts, generated rather than
 * shipped so the demo needs no binary fixture. Plugin ids, names and CVEs are those of well-known findings of a
 * Windows/IIS application tier and an Oracle Linux database host.
 */
final class DemoNessusReport {

    record Plugin(
            int id,
            String name,
            int severity,
            String cve,
            @Nullable Double cvss3,
            String port,
            String service,
            String synopsis,
            String solution) {}

    record Host(String name, String ip, String fqdn, List<Plugin> plugins) {}

    static final Plugin MS17_010 = new Plugin(
            97833,
            "MS17-010: Security Update for Microsoft Windows SMB Server (ETERNALBLUE)",
            4,
            "CVE-2017-0144",
            9.8,
            "445",
            "cifs",
            "The remote Windows host is affected by multiple vulnerabilities.",
            "Apply the patches listed in Microsoft Security Bulletin MS17-010.");
    static final Plugin HTTP_SYS = new Plugin(
            156860,
            "Microsoft IIS HTTP Protocol Stack Remote Code Execution (CVE-2022-21907)",
            4,
            "CVE-2022-21907",
            9.8,
            "443",
            "www",
            "The remote web server is affected by a remote code execution flaw.",
            "Apply the January 2022 cumulative update for Windows Server 2019.");
    static final Plugin LOG4J = new Plugin(
            156032,
            "Apache Log4j < 2.15.0 Remote Code Execution (Log4Shell)",
            4,
            "CVE-2021-44228",
            10.0,
            "8443",
            "www",
            "A logging library on the remote host allows remote code execution.",
            "Upgrade to Apache Log4j 2.17.1 or later.");
    static final Plugin SWEET32 = new Plugin(
            42873,
            "SSL Medium Strength Cipher Suites Supported (SWEET32)",
            3,
            "CVE-2016-2183",
            7.5,
            "443",
            "www",
            "The remote service supports medium strength SSL ciphers.",
            "Reconfigure the affected application to avoid medium strength ciphers.");
    static final Plugin WIN_UPDATE = new Plugin(
            183390,
            "KB5031361: Windows Server 2019 Security Update (October 2023)",
            3,
            "CVE-2023-36434",
            8.8,
            "445",
            "cifs",
            "The remote Windows host is missing security update 5031361.",
            "Apply Security Update 5031361.");
    static final Plugin OPENSSH = new Plugin(
            153953,
            "OpenSSH < 8.8 Multiple Vulnerabilities",
            3,
            "CVE-2021-41617",
            7.0,
            "22",
            "ssh",
            "The SSH server running on the remote host is affected by a flaw.",
            "Upgrade to OpenSSH 8.8 or later.");
    static final Plugin TERRAPIN = new Plugin(
            187315,
            "SSH Terrapin Prefix Truncation Weakness (CVE-2023-48795)",
            2,
            "CVE-2023-48795",
            5.9,
            "22",
            "ssh",
            "The remote SSH server is vulnerable to a MitM prefix truncation attack.",
            "Disable the affected cipher modes (ChaCha20-Poly1305, CBC with Encrypt-then-MAC).");
    static final Plugin ORACLE_CPU = new Plugin(
            189170,
            "Oracle Database Server (January 2024 CPU)",
            2,
            "CVE-2024-20903",
            6.5,
            "1521",
            "oracle_tnslsnr",
            "The remote Oracle database is missing a security patch.",
            "Apply the January 2024 Oracle Critical Patch Update.");
    static final Plugin TLS10 = new Plugin(
            104743,
            "TLS Version 1.0 Protocol Detection",
            2,
            "CVE-2011-3389",
            6.5,
            "443",
            "www",
            "The remote service encrypts traffic using an older version of TLS.",
            "Enable support for TLS 1.2 and 1.3, and disable support for TLS 1.0.");
    static final Plugin SMB_SIGNING = new Plugin(
            57608,
            "SMB Signing not required",
            2,
            "CVE-2016-2115",
            5.3,
            "445",
            "cifs",
            "Signing is not required on the remote SMB server.",
            "Enforce message signing in the host's configuration.");
    static final Plugin ICMP_TIMESTAMP = new Plugin(
            10114,
            "ICMP Timestamp Request Remote Date Disclosure",
            1,
            "CVE-1999-0524",
            null,
            "0",
            "general",
            "It is possible to determine the exact time set on the remote host.",
            "Filter out the ICMP timestamp requests (13), and the outgoing ICMP timestamp replies (14).");
    static final Plugin ETAG = new Plugin(
            88098,
            "Web Server HTTP Header Information Disclosure (ETag inode)",
            1,
            "CVE-2003-1418",
            null,
            "443",
            "www",
            "The remote web server discloses inode numbers in its ETag header.",
            "Configure the web server to omit inode numbers from ETag headers.");
    static final Plugin KERNEL = new Plugin(
            191575,
            "Oracle Linux 8 : kernel (ELSA-2024-1249)",
            3,
            "CVE-2024-1086",
            7.8,
            "0",
            "general",
            "The remote Oracle Linux host is missing a kernel security update.",
            "Update the affected kernel packages.");

    /** The first scan: the application tier not yet patched. */
    static byte[] first() {
        return report(
                "HIS - quét định kỳ lần 1",
                List.of(
                        new Host(
                                "10.20.1.11",
                                "10.20.1.11",
                                "his-app-01.bvdk.demo.invalid",
                                List.of(MS17_010, HTTP_SYS, LOG4J, SWEET32, WIN_UPDATE, TLS10, SMB_SIGNING, ETAG)),
                        new Host(
                                "10.20.1.12",
                                "10.20.1.12",
                                "his-app-02.bvdk.demo.invalid",
                                List.of(MS17_010, HTTP_SYS, SWEET32, TLS10, SMB_SIGNING)),
                        new Host(
                                "10.20.1.21",
                                "10.20.1.21",
                                "his-db-01.bvdk.demo.invalid",
                                List.of(OPENSSH, TERRAPIN, ORACLE_CPU, ICMP_TIMESTAMP))));
    }

    /** The re-scan: EternalBlue and Log4Shell fixed, a new kernel flaw on the database host, the rest unchanged. */
    static byte[] second() {
        return report(
                "HIS - quét lại sau khắc phục",
                List.of(
                        new Host(
                                "10.20.1.11",
                                "10.20.1.11",
                                "his-app-01.bvdk.demo.invalid",
                                List.of(HTTP_SYS, SWEET32, WIN_UPDATE, TLS10, SMB_SIGNING, ETAG)),
                        new Host(
                                "10.20.1.12",
                                "10.20.1.12",
                                "his-app-02.bvdk.demo.invalid",
                                List.of(HTTP_SYS, SWEET32, TLS10, SMB_SIGNING)),
                        new Host(
                                "10.20.1.21",
                                "10.20.1.21",
                                "his-db-01.bvdk.demo.invalid",
                                List.of(OPENSSH, TERRAPIN, ORACLE_CPU, ICMP_TIMESTAMP, KERNEL))));
    }

    private static byte[] report(String name, List<Host> hosts) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" ?>\n<NessusClientData_v2>\n<Report name=\"")
                .append(xml(name))
                .append("\" xmlns:cm=\"http://www.nessus.org/cm\">\n");
        for (Host h : hosts) {
            b.append("<ReportHost name=\"")
                    .append(h.name())
                    .append("\"><HostProperties>")
                    .append("<tag name=\"host-ip\">")
                    .append(h.ip())
                    .append("</tag>")
                    .append("<tag name=\"host-fqdn\">")
                    .append(h.fqdn())
                    .append("</tag>")
                    .append("</HostProperties>\n");
            for (Plugin p : h.plugins()) {
                b.append("<ReportItem port=\"")
                        .append(p.port())
                        .append("\" svc_name=\"")
                        .append(p.service())
                        .append("\" protocol=\"")
                        .append("0".equals(p.port()) ? "icmp" : "tcp")
                        .append("\" severity=\"")
                        .append(p.severity())
                        .append("\" pluginID=\"")
                        .append(p.id())
                        .append("\" pluginName=\"")
                        .append(xml(p.name()))
                        .append("\" pluginFamily=\"General\">")
                        .append("<synopsis>")
                        .append(xml(p.synopsis()))
                        .append("</synopsis>")
                        .append("<description>")
                        .append(xml(p.synopsis()))
                        .append("</description>")
                        .append("<solution>")
                        .append(xml(p.solution()))
                        .append("</solution>")
                        .append("<see_also>https://nvd.nist.gov/vuln/detail/")
                        .append(p.cve())
                        .append("</see_also>")
                        .append("<cve>")
                        .append(p.cve())
                        .append("</cve>");
                if (p.cvss3() != null) {
                    b.append("<cvss3_base_score>").append(p.cvss3()).append("</cvss3_base_score>");
                }
                b.append("</ReportItem>\n");
            }
            b.append("</ReportHost>\n");
        }
        return b.append("</Report>\n</NessusClientData_v2>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private DemoNessusReport() {}
}
