package vn.khien.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signs a person in with the form and reads the lines of "what needs my attention" on the home page. */
public final class HomePageReader {

    private static final Pattern ITEM = Pattern.compile("(?s)<li[^>]*attention-item[^>]*>(.*?)</li>");

    private HomePageReader() {}

    /** The text of every module's attention line, tags stripped, as the person reads it in Vietnamese. */
    public static List<String> attention(Http http, String username, String password) {
        Http.Session s = http.session();
        assertThat(s.login(username, password).header("Location")).doesNotContain("error");
        Http.Response home = s.get("/");
        assertThat(home.status()).as(home.body()).isEqualTo(200);
        List<String> items = new ArrayList<>();
        Matcher m = ITEM.matcher(home.body());
        while (m.find()) {
            items.add(m.group(1)
                    .replaceAll("<[^>]+>", " ")
                    .replaceAll("\\s+", " ")
                    .trim());
        }
        return items;
    }

    public static List<String> attention(Http http, TestData.Person person) {
        return attention(http, person.username(), TestData.PASSWORD);
    }
}
