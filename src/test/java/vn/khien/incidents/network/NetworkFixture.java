package vn.khien.incidents.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import vn.khien.platform.documents.AdministrativeLayout;
import vn.khien.support.Http;
import vn.khien.support.TestData;

/** The network tests' setting: a member province, its designated response unit, incidents, member reports, DOCX. */
final class NetworkFixture {

    private NetworkFixture() {}

    /** A province (a network member kind) below the root. */
    static TestData.Org province(TestData data, String name) {
        TestData.Org province = data.org(data.root(), name);
        data.jdbc()
                .sql("UPDATE organization SET kind = 'PROVINCE' WHERE id = :id")
                .param("id", province.id())
                .update();
        return province;
    }

    /** A unit of the member designated as its incident-response unit. */
    static TestData.Org responseUnit(TestData data, TestData.Org member, String name) {
        TestData.Org unit = data.org(member, name);
        data.jdbc()
                .sql(
                        "INSERT INTO authority_designation (scope_organization_id, authority_role, organization_id, created_at)"
                                + " VALUES (:s, 'INCIDENT_RESPONSE_UNIT', :o, :now)")
                .param("s", member.id())
                .param("o", unit.id())
                .param("now", Timestamp.from(Instant.now()))
                .update();
        return unit;
    }

    static void incident(
            TestData data, TestData.Org org, String category, String detectedAt, String status, String severity) {
        data.jdbc()
                .sql("""
                        INSERT INTO incident (organization_id, title, category, severity, status, source, detected_at,
                          detected_offset, regime, beyond_capacity, national_security_signs, created_at, updated_at)
                        VALUES (:o, 'Sự cố thử mạng lưới', :c, :sev, :s, 'UI', :d, '+07:00', 'tt20-2017', FALSE, FALSE,
                          :now, :now)""")
                .param("sev", severity)
                .param("o", org.id())
                .param("c", category)
                .param("s", status)
                .param("d", Timestamp.from(OffsetDateTime.parse(detectedAt).toInstant()))
                .param("now", Timestamp.from(Instant.now()))
                .update();
    }

    /** The member report of the period opened, checked, signed by the leader and submitted (its figures frozen). */
    static long submittedReport(Http.Api officer, Http.Api leader, long organizationId, String period) {
        Http.Response created = officer.post(
                "/api/v1/reports",
                Map.of("organizationId", organizationId, "kind", "IR_NETWORK_MEMBER", "period", period));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        submit(officer, leader, id);
        return id;
    }

    /** A drafted report checked by the officer, signed by the leader and submitted by the officer. */
    static void submit(Http.Api officer, Http.Api leader, long id) {
        assertThat(officer.post("/api/v1/reports/" + id + "/actions/CHECK", Map.of())
                        .status())
                .isEqualTo(200);
        Http.Response signed = leader.post(
                "/api/v1/reports/" + id + "/actions/SIGN",
                Map.of(
                        "documentNumber",
                        "9/BC-UBND",
                        "documentDate",
                        LocalDate.now(NetworkRules.VN).toString()));
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        Http.Response submitted = officer.post("/api/v1/reports/" + id + "/actions/SUBMIT", Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
    }

    static byte[] bytes(Http http, TestData.Person who, String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(http.base() + path))
                                .header("Authorization", "Bearer " + who.token())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /** The text of a DOCX the person downloads, checked against the administrative layout. */
    static String docxText(Http http, TestData.Person who, String path) throws Exception {
        byte[] docx = bytes(http, who, path);
        AdministrativeLayout.assertLayout(docx);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            return x.getText();
        }
    }
}
