package vn.khien.systems.classification.authority;

/**
 * An approval beyond the level decision, e.g. the Prime Minister's list of level-5 systems or the owner's separate
 * decision on a level-5 plan (Mẫu 07).
 *
 * @param id                  stable id in the rule data
 * @param addsToCriticalList  once recorded, the system is on the list of systems critical to national security
 */
public record AdditionalApproval(
        String id,
        AuthorityRole role,
        String subjectVi,
        String subjectEn,
        String legalRef,
        boolean addsToCriticalList) {}
