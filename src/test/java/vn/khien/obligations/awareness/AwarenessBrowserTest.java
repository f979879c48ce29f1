package vn.khien.obligations.awareness;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.IntegrationTest;
import vn.khien.support.Mailbox;
import vn.khien.support.TestData;

/**
 * In a real browser: a province officer opens the awareness menu, writes a phishing campaign for an uploaded list;
 * a list with a wrong line is refused with the line named and the form kept; the corrected list is sent (real SMTP:
 * GreenMail), one recipient acknowledges through the link in the mail, and the officer sees it in the log and the
 * share per organisation.
 */
class AwarenessBrowserTest extends IntegrationTest {

    @Autowired
    JavaMailSenderImpl mailSender;

    @Autowired
    AwarenessService awareness;

    @Autowired
    AwarenessMailer mailer;

    @Test
    void aProvinceOfficerSendsAListCampaignAndSeesTheAcknowledgements() {
        TestData.Org province = data.org(data.root(), "Tỉnh Lào Cai thử nghiệm");
        TestData.Person officer = data.person(province, Role.SECURITY_OFFICER);
        String first = data.unique("an").toLowerCase() + "@so.example.test";
        String second = data.unique("binh").toLowerCase() + "@so.example.test";
        String title = data.unique("Cảnh giác thư giả mạo");
        byte[] wrong = ("Thư điện tử,Họ và tên\n" + first + ",Nguyễn Văn An\nkhong-phai-dia-chi,Trần Bình\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] right = ("Thư điện tử,Họ và tên\n" + first + ",Nguyễn Văn An\n" + second + ",Trần Bình\n")
                .getBytes(StandardCharsets.UTF_8);

        try (Mailbox mail = new Mailbox(mailSender);
                Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, officer.username(), TestData.PASSWORD);
            page.click("#nav-awareness");
            page.waitForURL("**/awareness");
            page.click("#awareness-new");
            page.waitForURL("**/awareness/new");
            page.selectOption("#organizationId", Long.toString(province.id()));
            page.selectOption("#topic", "PHISHING");
            page.fill("#title", title);
            page.fill(
                    "#message", "Không bấm vào liên kết trong thư lạ.\n\nChuyển thư nghi ngờ cho cán bộ chuyên trách.");
            page.check("#audience-LIST");
            page.selectOption("#repeatEvery", "QUARTERLY");
            page.setInputFiles("#file", new FilePayload("danh-sach.csv", "text/csv", wrong));
            page.click("#awareness-submit");
            assertThat(page.locator("#list-problems")).containsText("khong-phai-dia-chi");
            assertThat(page.locator("#list-problems tbody tr td").first()).hasText("3");
            assertThat(page.locator("#title")).hasValue(title);
            assertThat(page.locator("#audience-LIST")).isChecked();
            Browser.screenshot(page, "awareness-list-refused");

            page.setInputFiles("#file", new FilePayload("danh-sach.csv", "text/csv", right));
            page.click("#awareness-submit");
            page.waitForURL(Pattern.compile(".*/awareness/\\d+$"));
            assertThat(page.locator("#campaign-title")).hasText(title);
            assertThat(page.locator("#campaign-sending")).isVisible();
            // what the rounds job does on its next run (the job itself runs in AwarenessJobsTest)
            awareness.sendDueRoundsOf().forEach(mailer::sendPending);
            page.reload();
            assertThat(page.locator("#campaign-share")).containsText("0/2");
            assertThat(page.locator("#campaign-sending")).hasCount(0);

            List<String> links = mail.links(first, "/public/awareness/");
            assertThat(links).hasSize(1);
            assertThat(mail.links(second, "/public/awareness/")).hasSize(1);
            Page reader = browser.newPage();
            reader.navigate(links.get(0));
            assertThat(reader.locator("h1")).hasText(title);
            reader.click("#acknowledge");
            assertThat(reader.locator("#acknowledged")).isVisible();

            page.reload();
            assertThat(page.locator("#campaign-share")).containsText("1/2");
            assertThat(page.locator("#share-" + province.id())).containsText("50%");
            assertThat(page.locator("#awareness-log tr[data-acknowledged=true]"))
                    .hasCount(1);
            assertThat(page.locator("#awareness-log")).containsText("Nguyễn Văn An");
            Browser.screenshot(page, "awareness-campaign");
        }
    }
}
