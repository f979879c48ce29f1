package vn.khien.vulnerabilities;

import java.time.Instant;
import java.util.List;

/**
 * The incidents linked to a finding, for the finding's page ("Sự cố liên quan"). Declared here and implemented by the
 * incidents module, which links incidents to findings and already depends on this module, so the dependency stays one
 * way (like {@code platform.attention.AttentionSource}). Implementations answer for the signed-in person: only the
 * incidents that person may see (their organisation's subtree, or shared with it) are returned.
 */
public interface FindingIncidents {

    /** An incident as the finding's page names it; {@code status} is already in the reader's language. */
    record RelatedIncident(long id, String title, String status, Instant detectedAt) {

        public String href() {
            return "/incidents/" + id;
        }
    }

    /** The visible incidents linked to the finding, most recently detected first (at most 50). */
    List<RelatedIncident> linkedToFinding(long findingId);
}
