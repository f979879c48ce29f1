package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IncidentReports;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * One year range for every date Khiên reads (issue 10: {@code 0001-01-01} and {@code +99999-01-01} were accepted):
 * a JSON body, a query parameter of the API and of a page, and a form field are refused alike, each in its channel's
 * words naming the field (a form field: under it, by its label) — and a date inside the range still passes.
 */
class DateRangeTest extends IntegrationTest {

    static final List<String> OUT_OF_RANGE = List.of("0001-01-01", "99999-01-01", "1899-12-31", "2200-01-01");

    @Test
    void aJsonBodyAndAQueryParameterRefuseTheSameYears() {
        TestData.Org unit = data.org(data.root(), data.unique("Sở ngày"));
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        data.grant(officer.id(), unit, Role.ORG_ADMIN);
        Http.Api api = http.api(officer.token());
        long incident = IncidentReports.report(api, unit, null, "Sự cố (ngày)");
        Http.Session session = http.session();
        assertThat(session.login(officer.username(), TestData.PASSWORD).status())
                .isEqualTo(302);
        String statistics = "/api/v1/organizations/" + unit.id() + "/incidents/statistics";

        for (String day : OUT_OF_RANGE) {
            // JSON: a LocalDate and an OffsetDateTime
            Http.Response task = api.post(
                    "/api/v1/incidents/" + incident + "/tasks",
                    Map.of("title", "Cô lập máy chủ", "owner", "Tổ ứng cứu", "dueOn", day));
            InputHardeningTest.assertProblem(task, 400);
            InputHardeningTest.assertField(task, "dueOn");
            Http.Response detected = api.post(
                    "/api/v1/incidents",
                    Map.of(
                            "organizationId",
                            unit.id(),
                            "title",
                            "Ngày lạ",
                            "category",
                            "MALWARE",
                            "detectedAt",
                            (day.length() > 10 ? "+" : "") + day + "T08:00:00+07:00"));
            InputHardeningTest.assertProblem(detected, 400);
            InputHardeningTest.assertField(detected, "detectedAt");

            // API query parameter: problem+json naming it, saying the range
            Http.Response query = api.get(statistics + "?from=" + day + "&to=2026-12-31");
            InputHardeningTest.assertProblem(query, 400);
            JsonNode error = query.json().get("errors").get(0);
            assertThat(error.get("field").asString()).as(day).isEqualTo("from");
            assertThat(error.get("messageVi").asString()).contains("Tham số \"from\"", "1900", "2199");
            assertThat(error.get("messageEn").asString()).contains("Parameter \"from\"", "1900", "2199");

            // page query parameter: the Vietnamese error page naming it
            Http.Response page = session.get("/incidents/statistics?from=" + day);
            assertThat(page.status()).as(day).isEqualTo(400);
            assertThat(page.body()).contains("data-parameter=\"from\"", "1900", "2199");
        }

        // inside the range, all of them pass
        Http.Response task = api.post(
                "/api/v1/incidents/" + incident + "/tasks",
                Map.of("title", "Cô lập máy chủ", "owner", "Tổ ứng cứu", "dueOn", "2199-12-31"));
        assertThat(task.status()).as(task.body()).isEqualTo(201);
        assertThat(api.get(statistics + "?from=1900-01-01&to=2026-12-31").status())
                .isEqualTo(200);
        assertThat(session.get("/incidents/statistics?from=1900-01-01").status())
                .isEqualTo(200);
    }

    /**
     * A form field bound by Spring that takes a date (issues 9 and 10): a value that cannot be read ({@code abc}) or
     * lies outside the years is named under that field by its label with the years, on the register's new and edit
     * forms, an organisation's form and a supplier's row — and the form keeps everything typed, nothing stored.
     */
    @Test
    void aDateThatCannotBeReadOrIsOutOfRangeIsNamedUnderItsFieldAndTheFormKeepsWhatWasTyped() {
        TestData.Org unit = data.org(data.root(), data.unique("Sở ngày"));
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        data.grant(officer.id(), unit, Role.ORG_ADMIN);
        Http.Session session = http.session();
        assertThat(session.login(officer.username(), TestData.PASSWORD).status())
                .isEqualTo(302);
        assertThat(session.get("/systems/new").status()).isEqualTo(200);

        List<String> unreadable = new ArrayList<>(List.of("abc"));
        unreadable.addAll(OUT_OF_RANGE);
        for (String day : unreadable) {
            Map<String, String> form = systemForm(unit, "Hệ thống ngày " + day);
            form.put("investmentStartedOn", day);
            form.put("operatingSince", "2020-05-01");
            form.put("retiredOn", day);
            Http.Response refused = session.postForm("/systems/new", form);
            assertThat(refused.status()).as(day).isEqualTo(200);
            assertDateErrorUnder(refused.body(), "investmentStartedOn", day, "Ngày bắt đầu đầu tư");
            assertDateErrorUnder(refused.body(), "retiredOn", day, "Ngày dừng hoạt động");
            // what was typed stays, the readable date included (said back dd/MM/yyyy, ADR 0079), no error under it
            assertThat(HtmlUtils.htmlUnescape(refused.body()))
                    .as(day)
                    .contains(
                            "value=\"" + form.get("code") + "\"",
                            "value=\"" + form.get("name") + "\"",
                            "name=\"operatingSince\" value=\"01/05/2020\"");
            assertThat(inputTag(refused.body(), "operatingSince")).doesNotContain("is-invalid");
            assertThat(count(form.get("code"))).as(day).isZero();
        }

        // the edit form says the same, and the record keeps its date
        Map<String, String> form = systemForm(unit, "Hệ thống ngày hợp lệ");
        form.put("operatingSince", "1900-01-01");
        Http.Response created = session.postForm("/systems/new", form);
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        assertThat(count(form.get("code"))).isOne();
        String system = created.raw().headers().firstValue("Location").orElseThrow();
        system = system.substring(system.indexOf("/systems/"));
        form.put("operatingSince", "0001-01-01");
        form.put("name", "Tên mới chưa lưu");
        Http.Response edit = session.postForm(system + "/edit", form);
        assertThat(edit.status()).isEqualTo(200);
        assertDateErrorUnder(edit.body(), "operatingSince", "0001-01-01", "Ngày đưa vào vận hành");
        assertThat(HtmlUtils.htmlUnescape(edit.body())).contains("value=\"Tên mới chưa lưu\"");
        assertThat(data.jdbc()
                        .sql("SELECT name FROM information_system WHERE code = :c")
                        .param("c", form.get("code"))
                        .query(String.class)
                        .single())
                .isEqualTo("Hệ thống ngày hợp lệ");

        // a supplier's contract dates on the system page
        Http.Response supplier = session.postForm(
                system + "/suppliers",
                Map.of(
                        "name",
                        "Nhà cung cấp ngày",
                        "provides",
                        "Bảo trì",
                        "contractFrom",
                        "abc",
                        "contractTo",
                        "0001-01-01"));
        assertThat(supplier.status()).isEqualTo(200);
        assertDateErrorUnder(supplier.body(), "contractFrom", "abc", "Hợp đồng từ ngày");
        assertDateErrorUnder(supplier.body(), "contractTo", "0001-01-01", "Hợp đồng đến ngày");

        // an organisation's form
        Map<String, String> org = new LinkedHashMap<>();
        org.put("code", unit.code());
        org.put("name", "Sở ngày (đổi tên)");
        org.put("kind", "UNIT");
        org.put("parentId", String.valueOf(data.root().id()));
        org.put("contactConfirmedOn", "abc");
        Http.Response organization = session.postForm("/organizations/" + unit.id() + "/edit", org);
        assertThat(organization.status()).isEqualTo(200);
        assertDateErrorUnder(organization.body(), "contactConfirmedOn", "abc", "Ngày xác nhận gần nhất");
        assertThat(HtmlUtils.htmlUnescape(organization.body())).contains("value=\"Sở ngày (đổi tên)\"");
    }

    private Map<String, String> systemForm(TestData.Org unit, String name) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", data.unique("HT"));
        form.put("name", name);
        form.put("ownerOrganizationId", String.valueOf(unit.id()));
        form.put("operatorOrganizationId", String.valueOf(unit.id()));
        form.put("systemType", "INTERNAL");
        form.put("informationKinds", "PRIVATE");
        form.put("userCount", "10");
        return form;
    }

    private long count(String code) {
        return data.jdbc()
                .sql("SELECT COUNT(*) FROM information_system WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private static String inputTag(String body, String field) {
        Matcher m = Pattern.compile("<input[^>]*name=\"" + field + "\"[^>]*>").matcher(body);
        assertThat(m.find()).as("an input named " + field).isTrue();
        return m.group();
    }

    /** The field is marked invalid, keeps the text typed, and the next element under it names it and the years. */
    private static void assertDateErrorUnder(String body, String field, String typed, String label) {
        String input = inputTag(body, field);
        assertThat(input).as(field).contains("value=\"" + typed + "\"", "is-invalid");
        String after = body.substring(body.indexOf(input) + input.length());
        Matcher feedback = Pattern.compile("^\\s*<div class=\"invalid-feedback\"[^>]*>([^<]*)</div>")
                .matcher(after);
        assertThat(feedback.find())
                .as(field + " has its message right under it")
                .isTrue();
        assertThat(HtmlUtils.htmlUnescape(feedback.group(1)))
                .as(field)
                .isEqualTo("\"" + label + "\" phải là một ngày dd/MM/yyyy trong các năm 1900–2199.");
    }
}
