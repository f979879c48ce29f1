package vn.khien.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Incidents reported through the API, for tests that need open incidents with running report clocks. */
public final class IncidentReports {

    private IncidentReports() {}

    /**
     * Reports a malware incident of {@code org} (on {@code system}, or on none) detected an hour ago and beyond the
     * unit's capacity, so the reports to the designated response unit are owed; returns its id.
     */
    public static long report(Http.Api api, TestData.Org org, Long system, String title) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("organizationId", org.id());
        if (system != null) {
            m.put("systemId", system);
        }
        m.put("title", title);
        m.put("category", "MALWARE");
        m.put(
                "detectedAt",
                OffsetDateTime.now(ZoneOffset.ofHours(7))
                        .minusHours(1)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        m.put("beyondCapacity", true);
        Http.Response r = api.post("/api/v1/incidents", m);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }
}
