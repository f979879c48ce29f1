package vn.khien.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

class OrganizationTreeTest extends IntegrationTest {

    @Test
    void createsUnderItsParentAndValidatesFieldByField() {
        TestData.Org province = data.org(data.root(), "Tỉnh");
        TestData.Person orgAdmin = data.person(province, Role.ORG_ADMIN);
        Http.Api api = http.api(orgAdmin.token());
        String code = data.unique("SO");
        Http.Response created = api.post(
                "/api/v1/organizations",
                Map.of(
                        "code",
                        code,
                        "name",
                        "Sở Khoa học và Công nghệ",
                        "kind",
                        "DEPARTMENT",
                        "parentId",
                        province.id()));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("parentId").asLong()).isEqualTo(province.id());
        assertThat(created.json().get("name").asText()).isEqualTo("Sở Khoa học và Công nghệ");

        Http.Response bad = api.post(
                "/api/v1/organizations",
                Map.of(
                        "code",
                        "có dấu",
                        "name",
                        "",
                        "kind",
                        "UNIT",
                        "parentId",
                        province.id(),
                        "contactEmail",
                        "không-phải-email"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        List<String> fields = bad.json()
                .get("errors")
                .valueStream()
                .map(e -> e.get("field").asText())
                .toList();
        assertThat(fields).contains("code", "name", "contactEmail");
        assertThat(bad.body()).contains("Trường này là bắt buộc");

        Http.Response duplicate = api.post(
                "/api/v1/organizations",
                Map.of("code", code, "name", "Trùng", "kind", "UNIT", "parentId", province.id()));
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.json().get("errors").get(0).get("field").asText()).isEqualTo("code");

        Http.Response badKind =
                api.post("/api/v1/organizations", "{\"code\":\"X1\",\"name\":\"X\",\"kind\":\"BANANA\"}");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void movingAUnitKeepsItsIdChildrenPeopleAndHistory() {
        TestData.Org oldProvince = data.org(data.root(), "Tỉnh cũ");
        TestData.Org newProvince = data.org(data.root(), "Tỉnh mới sau sáp nhập");
        TestData.Org commune = data.org(oldProvince, "Xã");
        TestData.Org village = data.org(commune, "Thôn");
        TestData.Person officer = data.person(village, Role.SECURITY_OFFICER);
        admin().patch("/api/v1/organizations/" + commune.id(), Map.of("address", "Trước sáp nhập"));

        Http.Response moved =
                admin().patch("/api/v1/organizations/" + commune.id(), Map.of("parentId", newProvince.id()));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("id").asLong()).isEqualTo(commune.id());
        assertThat(moved.json().get("parentId").asLong()).isEqualTo(newProvince.id());

        TestData.Person newLeader = data.person(newProvince, Role.AUDITOR);
        Http.Api leader = http.api(newLeader.token());
        assertThat(leader.get("/api/v1/organizations/" + village.id()).status()).isEqualTo(200);
        assertThat(leader.get("/api/v1/users/" + officer.id()).status()).isEqualTo(200);
        Http.Response history = leader.get("/api/v1/audit?organizationId=" + commune.id());
        assertThat(history.body()).contains("Trước sáp nhập").contains("ORGANIZATION_MOVED");
        TestData.Person oldAdmin = data.person(oldProvince, Role.ORG_ADMIN);
        assertThat(http.api(oldAdmin.token())
                        .get("/api/v1/organizations/" + village.id())
                        .status())
                .isEqualTo(404);

        Http.Response cycle = admin().patch("/api/v1/organizations/" + commune.id(), Map.of("parentId", village.id()));
        assertThat(cycle.status()).isEqualTo(422);
        assertThat(cycle.json().get("errors").get(0).get("field").asText()).isEqualTo("parentId");
    }

    @Test
    void securityOfficersKeepTheirContactPointCurrentAndNothingElse() {
        TestData.Org unit = data.org(data.root(), "Đơn vị");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        Http.Api api = http.api(officer.token());
        Http.Response contact = api.patch(
                "/api/v1/organizations/" + unit.id(),
                Map.of(
                        "contactPerson",
                        "Trần Văn Bảo",
                        "contactPhone",
                        "024 3333 4444",
                        "contactEmail",
                        "bao@example.vn",
                        "contactConfirmedOn",
                        "2026-11-01",
                        "contactPublic",
                        true));
        assertThat(contact.status()).isEqualTo(200);
        assertThat(api.patch("/api/v1/organizations/" + unit.id(), Map.of("name", "Đổi tên"))
                        .status())
                .isEqualTo(403);
        Http.Response page = http.session().get("/public/contacts");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Trần Văn Bảo").contains("01/11/2026");
    }

    @Test
    void webFormShowsVietnameseFieldErrors() {
        TestData.Org province = data.org(data.root(), "Tỉnh form");
        TestData.Person orgAdmin = data.person(province, Role.ORG_ADMIN);
        Http.Session s = http.session();
        s.login(orgAdmin.username(), TestData.PASSWORD);
        s.get("/organizations/new?parentId=" + province.id());
        Http.Response r = s.postForm(
                "/organizations/new",
                Map.of(
                        "code",
                        "",
                        "name",
                        "",
                        "kind",
                        "UNIT",
                        "parentId",
                        String.valueOf(province.id()),
                        "contactEmail",
                        "sai"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body())
                .contains("is-invalid")
                .contains("Trường này là bắt buộc")
                .contains("Địa chỉ thư điện tử không hợp lệ");
    }
}
