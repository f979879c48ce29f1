/**
 * Information systems: the register, security-level classification and the level-dossier workflow (issue 3).
 *
 * <h2>For other modules</h2>
 * <ul>
 *   <li>Table {@code information_system}: {@code approved_level}, {@code approved_regime} (rule-data regime id,
 *       "nd85-2016" / "nd331-2026"), {@code approved_on}, {@code owner_organization_id},
 *       {@code operator_organization_id}, {@code lifecycle_status} — stable columns.</li>
 *   <li>Table {@code system_component}: {@code kind} HOST / APPLICATION / SOFTWARE with {@code vendor},
 *       {@code product}, {@code product_version}, {@code cpe} (CPE 2.3) and {@code purl}, for matching warnings and
 *       scan results.</li>
 *   <li>Table {@code system_party}: every organisation with a part in a system (OWNER, OPERATOR, APPRAISER,
 *       APPROVER, EXPERT). Scope queries over systems with
 *       {@link vn.khien.systems.register.SystemRepository#visibleSystems(String)}.</li>
 *   <li>Event {@link vn.khien.systems.SystemLevelApproved}, published in the approving transaction.</li>
 *   <li>Table {@code authority_designation}: which organisation plays OWNER_SECURITY_UNIT,
 *       NATIONAL_COMPETENT_BODY, INDEPENDENT_APPRAISER or PRIME_MINISTER for systems owned in a subtree (nearest
 *       designation above the owner wins).</li>
 * </ul>
 *
 * <h2>Visibility</h2>
 * A system is visible to people holding any role on the subtree of its owner, its operator (which may be an outside
 * provider) or an organisation that appraises or approves one of its dossiers (added on submission). Editing needs
 * EDIT_SECURITY_DATA on the owner or operator; appraising needs EDIT_SECURITY_DATA or APPROVE on the appraiser;
 * approving needs APPROVE on the approver; nobody appraises or approves a dossier they submitted.
 */
package vn.khien.systems;
