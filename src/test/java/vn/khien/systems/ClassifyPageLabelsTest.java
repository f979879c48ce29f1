package vn.khien.systems;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/** The guided classification shows option labels in the reader's language, never rule-data codes. */
class ClassifyPageLabelsTest extends IntegrationTest {

    @Test
    void choiceOptionsReadInVietnameseAndEnglish() {
        ProvinceFixture p = new ProvinceFixture(data, admin());
        long systemId =
                ProvinceFixture.createSystem(http.api(p.officer.token()), data, p.department, "Hệ thống thử nhãn");
        Http.Session page = http.session();
        page.login(p.officer.username(), TestData.PASSWORD);
        String vi =
                page.get("/systems/" + systemId + "/classify?regime=nd331-2026").body();
        assertThat(vi)
                .contains(">Phục vụ người dân, doanh nghiệp<")
                .contains(">Bí mật nhà nước<")
                .contains(">Dịch vụ thuộc ngành, nghề kinh doanh có điều kiện<")
                .contains(">Công trình cấp đặc biệt<")
                .contains("value=\"CITIZEN_BUSINESS\"")
                .doesNotContain(">CITIZEN_BUSINESS<")
                .doesNotContain(">STATE_SECRET<")
                .doesNotContain(">CONDITIONAL<");
        String en = page.get("/systems/" + systemId + "/classify?regime=nd85-2016&lang=en")
                .body();
        assertThat(en)
                .contains(">Services to citizens and businesses<")
                .contains(">State secrets<")
                .doesNotContain(">CITIZEN_BUSINESS<");
    }
}
