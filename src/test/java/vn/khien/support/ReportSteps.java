package vn.khien.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/**
 * Periodic reports through the API ({@code POST /api/v1/reports} and its {@code actions/…}): the first steps of the
 * sign-off that many tests take before the one they are about. Each step asserts it succeeded.
 */
public final class ReportSteps {

    private ReportSteps() {}

    /** Creates the report of {@code kind} and {@code period} for the organisation (201); returns its id. */
    public static long create(Http.Api api, long organizationId, String kind, String period) {
        Http.Response created =
                api.post("/api/v1/reports", Map.of("organizationId", organizationId, "kind", kind, "period", period));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** Creates the report and checks it as {@code api}'s person (the CHECK step, 200); returns its id. */
    public static long checked(Http.Api api, long organizationId, String kind, String period) {
        long id = create(api, organizationId, kind, period);
        assertThat(api.post("/api/v1/reports/" + id + "/actions/CHECK", Map.of())
                        .status())
                .isEqualTo(200);
        return id;
    }
}
