package vn.khien.obligations.catalogue;

import java.time.Period;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One duty of the catalogue (regulation.md §12).
 *
 * @param regime     LEGACY, NEW or BOTH, as the regulation states it
 * @param confidence PRIMARY, or UNCONFIRMED where the text or its continuation is not confirmed
 * @param where      application path where the duty is done, with {system} or {organization} placeholders
 * @param parameters numbers the rule needs, e.g. R39's minimumShare
 * @param shortVi    a short name for column headers (the matrix); the id stays as its tooltip
 * @param noRecordIsNoData a subject the module has no record of is NO_DATA (R39: no IT plan recorded says nothing
 *                         about the budget), instead of OVERDUE (R21: no scan means the scan was not done)
 */
public record ObligationRule(
        String id,
        SubjectKind subject,
        String regime,
        String confidence,
        String titleVi,
        @Nullable String titleEn,
        String legalSource,
        AppliesTo appliesTo,
        Schedule schedule,
        boolean firstDueAfterApproval,
        Period leadTime,
        String evidence,
        String where,
        Map<String, String> parameters,
        boolean noRecordIsNoData,
        String shortVi,
        @Nullable String shortEn) {

    public ObligationRule {
        parameters = Map.copyOf(parameters);
    }

    public boolean appliesTo(Subject s) {
        return s.kind() == subject && appliesTo.test(s);
    }

    /** Whether the duty is owed only when an event arises (schedule {@code trigger: EVENT}: an incident, a warning). */
    public boolean owedOnEvent() {
        return schedule instanceof Schedule.OnTrigger on && on.trigger() == Schedule.Trigger.EVENT;
    }

    public String title(boolean english) {
        return english && titleEn != null ? titleEn : titleVi;
    }

    public String shortTitle(boolean english) {
        return english && shortEn != null ? shortEn : shortVi;
    }

    /** The page where the duty is done for this subject. */
    public String whereFor(Subject s) {
        return where.replace("{system}", Long.toString(s.id()))
                .replace("{organization}", Long.toString(s.organizationId()));
    }

    public @Nullable String parameter(String name) {
        return parameters.get(name);
    }

    /** A number in the ordinal position of the id, for sorting R2 before R10 (ids are R01…R48 anyway). */
    public int number() {
        return Integer.parseInt(id.substring(1));
    }
}
