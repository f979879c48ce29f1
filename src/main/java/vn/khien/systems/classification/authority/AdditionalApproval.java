package vn.khien.systems.classification.authority;

/** An approval beyond the level decision, e.g. the Prime Minister's list of level-5 systems. */
public record AdditionalApproval(AuthorityRole role, String subjectVi, String subjectEn) {
}
