package vn.khien.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.TestData;

/** A province with two units and their officers, components and warnings, for the warnings tests. */
record WarningsFixture(Http http, TestData data) {

    WarningsApiTest.Tree tree() {
        TestData.Org province = data.org(data.root(), "Sở TT&TT thử");
        TestData.Org a = data.org(province, "Đơn vị A");
        TestData.Org b = data.org(province, "Đơn vị B");
        return new WarningsApiTest.Tree(
                province,
                a,
                b,
                data.person(province, Role.SECURITY_OFFICER),
                data.person(a, Role.SECURITY_OFFICER),
                data.person(b, Role.SECURITY_OFFICER));
    }

    long component(Http.Api as, long system, String cpe, String purl) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "SOFTWARE");
        body.put("product", "p");
        body.put("cpe", cpe);
        body.put("purl", purl);
        Http.Response r = as.post("/api/v1/systems/" + system + "/components", body);
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r.json().get("id").asLong();
    }

    Http.Response publish(
            Http.Api as,
            long org,
            String tlp,
            List<Map<String, Object>> affected,
            List<String> cves,
            List<Long> recipients,
            LocalDate ackBy) {
        Map<String, Object> body = new HashMap<>();
        body.put("organizationId", org);
        body.put("title", "Lỗ hổng Log4Shell và Apache HTTP Server");
        body.put("description", "Cảnh báo thử");
        body.put("severity", "CRITICAL");
        body.put("cves", cves);
        body.put("affected", affected);
        body.put("acknowledgeBy", ackBy.toString());
        body.put("fixBy", ackBy.plusDays(7).toString());
        body.put("tlp", tlp);
        if (recipients != null) {
            body.put("recipients", recipients);
        }
        return as.post("/api/v1/warnings", body);
    }
}
