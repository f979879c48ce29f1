package vn.khien.systems;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * A dossier cannot be opened until someone plays the owner's security unit; the 422 names the missing role and the
 * designations page, where organisation administrators of the subtree designate and remove, audited.
 */
class AuthorityDesignationTest extends IntegrationTest {

    record Tree(
            TestData.Org province,
            TestData.Org securityUnit,
            TestData.Org department,
            TestData.Person officer,
            TestData.Person orgAdmin,
            TestData.Person departmentAdmin) {}

    private Tree tree() {
        TestData.Org province = data.org(data.root(), "Tỉnh Chưa Chỉ Định");
        TestData.Org securityUnit = data.org(province, "Sở KH&CN chưa chỉ định");
        TestData.Org department = data.org(province, "Sở Tài chính");
        return new Tree(
                province,
                securityUnit,
                department,
                data.person(department, Role.SECURITY_OFFICER),
                data.person(province, Role.ORG_ADMIN),
                data.person(department, Role.ORG_ADMIN));
    }

    private long classifiedSystem(Http.Api officer, Tree t) {
        long systemId = ProvinceFixture.createSystem(officer, data, t.department(), "Hệ thống quản lý ngân sách");
        assertThat(officer.post(
                                "/api/v1/systems/" + systemId + "/classifications",
                                Map.of("regime", "nd331-2026", "answers", ProvinceFixture.LEVEL3_ND331))
                        .status())
                .isEqualTo(201);
        return systemId;
    }

    @Test
    void missingDesignationIsNamedAndAdministratorsOfTheSubtreeDesignateAndRemove() {
        Tree t = tree();
        Http.Api officer = http.api(t.officer().token());
        long systemId = classifiedSystem(officer, t);

        Http.Response stuck = officer.post("/api/v1/systems/" + systemId + "/dossiers", "");
        assertThat(stuck.status()).isEqualTo(422);
        String message = stuck.json().get("errors").get(0).get("message").asText();
        assertThat(stuck.json().get("errors").get(0).get("field").asText()).isEqualTo("authority");
        assertThat(message)
                .contains("Đơn vị chuyên trách về an toàn thông tin")
                .contains("Sở Tài chính")
                .contains("/authority-designations?organizationId="
                        + t.department().id());

        // Only organisation administrators of the scope designate: the officer is refused on their own unit; the
        // department's administrator does not even see the province (422 as for an unknown organisation).
        Map<String, Object> designation = Map.of(
                "scopeOrganizationId",
                t.province().id(),
                "role",
                "OWNER_SECURITY_UNIT",
                "organizationId",
                t.securityUnit().id());
        assertThat(officer.post(
                                "/api/v1/authority-designations",
                                Map.of(
                                        "scopeOrganizationId",
                                        t.department().id(),
                                        "role",
                                        "OWNER_SECURITY_UNIT",
                                        "organizationId",
                                        t.securityUnit().id()))
                        .status())
                .isEqualTo(403);
        assertThat(http.api(t.departmentAdmin().token())
                        .post("/api/v1/authority-designations", designation)
                        .status())
                .isEqualTo(422);
        Http.Response ownerRole = http.api(t.orgAdmin().token())
                .post(
                        "/api/v1/authority-designations",
                        Map.of(
                                "scopeOrganizationId",
                                t.province().id(),
                                "role",
                                "OWNER",
                                "organizationId",
                                t.securityUnit().id()));
        assertThat(ownerRole.status()).isEqualTo(422);
        assertThat(ownerRole.body()).contains("role");

        Http.Api orgAdmin = http.api(t.orgAdmin().token());
        Http.Response designated = orgAdmin.post("/api/v1/authority-designations", designation);
        assertThat(designated.status()).as(designated.body()).isEqualTo(200);
        long designationId = designated.json().get("id").asLong();
        Http.Response opened = officer.post("/api/v1/systems/" + systemId + "/dossiers", "");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.json().get("dossier").get("appraiserOrgId").asLong())
                .isEqualTo(t.securityUnit().id());

        // The department's systems see the province's designation as inherited.
        Http.Session adminPage = http.session();
        adminPage.login(t.departmentAdmin().username(), TestData.PASSWORD);
        String page = adminPage
                .get("/authority-designations?organizationId=" + t.department().id())
                .body();
        assertThat(page)
                .contains("Sở KH&amp;CN chưa chỉ định")
                .contains("Kế thừa từ cấp trên")
                .doesNotContain("remove-designation-" + designationId);

        // The department's officer does not see the province's designation; a province officer sees it but may not
        // remove it.
        assertThat(officer.send("DELETE", "/api/v1/authority-designations/" + designationId, null)
                        .status())
                .isEqualTo(404);
        Http.Api provinceOfficer =
                http.api(data.person(t.province(), Role.SECURITY_OFFICER).token());
        assertThat(provinceOfficer
                        .send("DELETE", "/api/v1/authority-designations/" + designationId, null)
                        .status())
                .isEqualTo(403);
        assertThat(orgAdmin.send("DELETE", "/api/v1/authority-designations/" + designationId, null)
                        .status())
                .isEqualTo(204);
        assertThat(orgAdmin.get("/api/v1/authority-designations?organizationId="
                                + t.province().id())
                        .json()
                        .size())
                .isZero();

        Http.Response trail =
                admin().get("/api/v1/audit?organizationId=" + t.province().id() + "&size=50");
        assertThat(trail.body()).contains("authority.designate").contains("authority.remove");
    }

    @Test
    void pagesDesignateAndRemoveWithFormsAndRefuseOthers() {
        Tree t = tree();
        Http.Session officer = http.session();
        officer.login(t.officer().username(), TestData.PASSWORD);
        String readOnly = officer.get("/authority-designations?organizationId="
                        + t.department().id())
                .body();
        assertThat(readOnly).contains("designations-read-only").doesNotContain("designation-form");
        Http.Response refused = officer.postForm(
                "/authority-designations",
                Map.of(
                        "scopeOrganizationId",
                        String.valueOf(t.department().id()),
                        "role",
                        "OWNER_SECURITY_UNIT",
                        "organizationId",
                        String.valueOf(t.securityUnit().id())));
        assertThat(refused.status()).isEqualTo(403);

        Http.Session admin = http.session();
        admin.login(t.orgAdmin().username(), TestData.PASSWORD);
        String orgPage = admin.get("/organizations/" + t.province().id()).body();
        assertThat(orgPage)
                .contains(
                        "/authority-designations?organizationId=" + t.province().id());
        admin.get("/authority-designations?organizationId=" + t.province().id());
        Http.Response saved = admin.postForm(
                "/authority-designations",
                Map.of(
                        "scopeOrganizationId",
                        String.valueOf(t.province().id()),
                        "role",
                        "INDEPENDENT_APPRAISER",
                        "organizationId",
                        String.valueOf(t.securityUnit().id())));
        assertThat(saved.status()).isEqualTo(302);
        String listed = admin.get(
                        "/authority-designations?organizationId=" + t.province().id())
                .body();
        assertThat(listed).contains("Đơn vị thẩm định độc lập").contains("Sở KH&amp;CN chưa chỉ định");
        long id = admin().get("/api/v1/authority-designations?organizationId="
                        + t.province().id())
                .json()
                .get(0)
                .get("id")
                .asLong();
        assertThat(listed).contains("remove-designation-" + id);
        assertThat(admin.postForm("/authority-designations/" + id + "/remove", Map.of())
                        .status())
                .isEqualTo(302);
        assertThat(admin.get("/authority-designations?organizationId="
                                + t.province().id())
                        .body())
                .contains("Chưa có chỉ định nào");
        assertThat(admin.get("/authority-designations?organizationId="
                                + data.root().id())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aStuckOfficerIsPointedToTheDesignationPageAndCanThenOpenTheDossier() {
        Tree t = tree();
        long systemId = classifiedSystem(http.api(t.officer().token()), t);
        try (Browser browser = Browser.open("http://127.0.0.1:" + port)) {
            Page officer = browser.newPage();
            Browser.signIn(officer, t.officer().username(), TestData.PASSWORD);
            officer.navigate("/systems/" + systemId);
            officer.click("#create-dossier");
            assertThat(officer.textContent("#dossier-errors")).contains("Đơn vị chuyên trách về an toàn thông tin");
            String link = officer.getAttribute("#fix-designation", "href");
            assertThat(link)
                    .contains("/authority-designations?organizationId="
                            + t.department().id());

            // The province's organisation administrator follows the link from the organisation page and designates.
            Page admin = browser.newPage();
            Browser.signIn(admin, t.orgAdmin().username(), TestData.PASSWORD);
            admin.navigate("/organizations/" + t.province().id());
            admin.click("#authority-designations");
            admin.selectOption(
                    "#scopeOrganizationId", String.valueOf(t.province().id()));
            admin.selectOption("#role", "OWNER_SECURITY_UNIT");
            admin.selectOption(
                    "#organizationId", String.valueOf(t.securityUnit().id()));
            admin.click("#save-designation");
            assertThat(admin.textContent("#designation-notice")).contains("Đã lưu chỉ định");
            assertThat(admin.textContent("#designations")).contains("Sở KH&CN chưa chỉ định");

            officer.navigate("/systems/" + systemId);
            officer.click("#create-dossier");
            officer.waitForURL(Pattern.compile(".*/dossiers/\\d+$"));
            assertThat(officer.textContent("#dossier-appraiser")).contains("Sở KH&CN chưa chỉ định");
        }
    }
}
