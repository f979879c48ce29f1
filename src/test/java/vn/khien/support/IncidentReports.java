package vn.khien.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Incidents reported through the API ({@code POST /api/v1/incidents}): the one way tests create a test incident.
 * {@link #of} starts from a malware incident detected an hour ago (Vietnam's time, whole seconds), beyond the unit's
 * capacity and on no system; each {@code with…} changes one field.
 */
public final class IncidentReports {

    private IncidentReports() {}

    /**
     * Reports a malware incident of {@code org} (on {@code system}, or on none) detected an hour ago and beyond the
     * unit's capacity, so the reports to the designated response unit are owed; returns its id.
     */
    public static long report(Http.Api api, TestData.Org org, Long system, String title) {
        return of(org, title).onSystem(system).report(api);
    }

    /** A malware incident of {@code org} detected an hour ago, beyond capacity, on no system. */
    public static Draft of(TestData.Org org, String title) {
        return new Draft(org.id(), null, title, null, "MALWARE", hoursAgo(1).toString(), true);
    }

    /** Now minus {@code hours} in Vietnam's offset, to the second: what a person would type as detection time. */
    public static OffsetDateTime hoursAgo(int hours) {
        return OffsetDateTime.now(ZoneOffset.ofHours(7)).minusHours(hours).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The body of {@code POST /api/v1/incidents}, one field changed at a time. */
    public record Draft(
            long organizationId,
            Long systemId,
            String title,
            String description,
            String category,
            String detectedAt,
            boolean beyondCapacity) {

        public Draft onSystem(Long system) {
            return new Draft(organizationId, system, title, description, category, detectedAt, beyondCapacity);
        }

        public Draft describedAs(String text) {
            return new Draft(organizationId, systemId, title, text, category, detectedAt, beyondCapacity);
        }

        public Draft category(String code) {
            return new Draft(organizationId, systemId, title, description, code, detectedAt, beyondCapacity);
        }

        /** Detected at an ISO date-time with offset, e.g. {@code 2026-09-01T08:30:00+07:00}. */
        public Draft detectedAt(String isoOffsetDateTime) {
            return new Draft(organizationId, systemId, title, description, category, isoOffsetDateTime, beyondCapacity);
        }

        public Draft detectedHoursAgo(int hours) {
            return detectedAt(hoursAgo(hours).toString());
        }

        /** Within the unit's capacity: no Form 03 owed at once. */
        public Draft withinCapacity() {
            return new Draft(organizationId, systemId, title, description, category, detectedAt, false);
        }

        public Map<String, Object> body() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("organizationId", organizationId);
            if (systemId != null) {
                m.put("systemId", systemId);
            }
            m.put("title", title);
            if (description != null) {
                m.put("description", description);
            }
            m.put("category", category);
            m.put("detectedAt", detectedAt);
            m.put("beyondCapacity", beyondCapacity);
            return m;
        }

        /** Posts it as {@code api}'s holder; the {@code 201} answer (with {@code id}, {@code regime}, deadlines). */
        public Http.Response post(Http.Api api) {
            Http.Response r = api.post("/api/v1/incidents", body());
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            return r;
        }

        /** Posts it as {@code api}'s holder; the new incident's id. */
        public long report(Http.Api api) {
            return post(api).json().get("id").asLong();
        }
    }
}
