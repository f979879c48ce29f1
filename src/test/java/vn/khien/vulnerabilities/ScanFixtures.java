package vn.khien.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import tools.jackson.databind.JsonNode;
import vn.khien.support.Http;
import vn.khien.support.TestData;

/** Systems and small generated reports for the scans tests. */
public final class ScanFixtures {

    private ScanFixtures() {}

    /** A system owned and operated by {@code org}, straight in the database (the register is another module). */
    public static long system(TestData data, TestData.Org org) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(Instant.now());
        data.jdbc()
                .sql("""
                INSERT INTO information_system (owner_organization_id, operator_organization_id, code, name, system_type,
                    lifecycle_status, created_at, updated_at)
                VALUES (:o, :o, :code, :name, 'INTERNAL', 'OPERATING', :now, :now)""")
                .param("o", org.id())
                .param("code", data.unique("SYS"))
                .param("name", "Hệ thống quét thử")
                .param("now", now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (String role : new String[] {"OWNER", "OPERATOR"}) {
            data.jdbc()
                    .sql("INSERT INTO system_party (system_id, organization_id, party_role) VALUES (:s, :o, :r)")
                    .param("s", id)
                    .param("o", org.id())
                    .param("r", role)
                    .update();
        }
        return id;
    }

    /** A .nessus report: each host lists the given plugin ids (severity from the id: id % 5). */
    public static byte[] nessus(Map<String, int[]> pluginsByHost) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" ?>\n<NessusClientData_v2><Report name=\"t\">\n");
        pluginsByHost.forEach((host, plugins) -> {
            b.append("<ReportHost name=\"")
                    .append(host)
                    .append("\"><HostProperties>")
                    .append("<tag name=\"host-ip\">")
                    .append(host)
                    .append("</tag></HostProperties>\n");
            for (int p : plugins) {
                b.append("<ReportItem port=\"443\" svc_name=\"www\" protocol=\"tcp\" severity=\"")
                        .append(p % 5)
                        .append("\" pluginID=\"")
                        .append(p)
                        .append("\" pluginName=\"Plugin ")
                        .append(p)
                        .append("\" pluginFamily=\"General\"><description>Description of ")
                        .append(p)
                        .append("</description><solution>Upgrade</solution><synopsis>S</synopsis>")
                        .append("<cve>CVE-2024-")
                        .append(10000 + p)
                        .append("</cve></ReportItem>\n");
            }
            b.append("</ReportHost>\n");
        });
        return b.append("</Report></NessusClientData_v2>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static Http.Response upload(Http.Api api, long systemId, String name, byte[] content, Map<String, String> fields) {
        return api.upload("/api/v1/systems/" + systemId + "/scans", name, content, fields);
    }

    /** Uploads and, for a background import, polls until it finished; returns the final scan. */
    public static JsonNode importReport(
            Http.Api api, long systemId, String name, byte[] content, Map<String, String> fields) {
        Http.Response r = upload(api, systemId, name, content, fields);
        assertThat(r.status()).as(r.body()).isIn(201, 202);
        JsonNode scan = r.json();
        long deadline = System.currentTimeMillis() + 120_000;
        while (!scan.get("status").asString().equals("COMPLETED")
                && !scan.get("status").asString().equals("FAILED")) {
            assertThat(System.currentTimeMillis())
                    .as("background import finishes")
                    .isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            scan = api.get("/api/v1/scans/" + scan.get("id").asLong()).json();
        }
        return scan;
    }

    static long count(TestData data, String sql, long systemId) {
        return data.jdbc().sql(sql).param("s", systemId).query(Long.class).single();
    }
}
