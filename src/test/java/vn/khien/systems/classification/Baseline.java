package vn.khien.systems.classification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Answers that meet no criterion, so each test case switches on exactly the facts it is about. */
final class Baseline {

    static final String ND85 = "nd85-2016";
    static final String ND331 = "nd331-2026";

    private Baseline() {}

    static Map<String, Object> answers(String regimeId, Map<String, Object> overrides) {
        Map<String, Object> answers = new HashMap<>();
        answers.put("system_type", "OTHER");
        answers.put("info_types", List.of("PUBLIC"));
        answers.put("serves_defence_security", false);
        answers.put("national_egov_system", false);
        answers.put("centralised_national_data", false);
        if (ND331.equals(regimeId)) {
            answers.put("handles_administrative_procedures", false);
        }
        answers.putAll(overrides);
        return answers;
    }

    /** Citizen/business answers with every conditionally required answer present and below all level-3 thresholds. */
    static Map<String, Object> citizen(String regimeId, Map<String, Object> overrides) {
        Map<String, Object> base = new HashMap<>();
        base.put("system_type", "CITIZEN_BUSINESS");
        base.put("online_service_business_line", "NONE");
        if (ND85.equals(regimeId)) {
            base.put("online_public_service_level", 0);
        } else {
            // Under NĐ 331 any citizen system meets Đ12 (<100,000 / <10,000 subjects) at least.
            base.put("basic_pd_subjects", 0);
            base.put("sensitive_pd_subjects", 0);
        }
        Map<String, Object> merged = answers(regimeId, base);
        merged.putAll(overrides);
        return merged;
    }
}
