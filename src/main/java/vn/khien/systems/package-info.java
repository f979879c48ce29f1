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
 *       {@link vn.khien.systems.VisibleSystems#visibleSystems(String)}.</li>
 *   <li>Event {@link vn.khien.systems.SystemLevelApproved}, published in the approving transaction.</li>
 *   <li>Table {@code authority_designation}: which organisation plays OWNER_SECURITY_UNIT,
 *       NATIONAL_COMPETENT_BODY, INDEPENDENT_APPRAISER or PRIME_MINISTER for systems owned in a subtree (nearest
 *       designation above the owner wins). Organisation administrators of the subtree (MANAGE_ORGANIZATIONS) manage them
 *       on {@code /authority-designations} (linked from the organisation page) and through the API; when a dossier
 *       needs a role nobody plays, opening it fails with 422 naming the role and that page.</li>
 *   <li>Table {@code level_dossier}: {@code validity_due_on} is the NĐ 331/2026 Đ23 limit (5 working days from each
 *       receipt) to return an incomplete dossier, running alongside the appraisal limit; {@code dossier_step.limit_due_on}
 *       is the legal limit each step had (RETURN: validity check; APPRAISE; APPROVE), so late steps show in history.</li>
 *   <li>Demo: {@code vn.khien.systems.demo.SystemsDemoData} seeds designations and demo systems after identity's demo
 *       data, once the application is ready, in demo mode only and while no demo system exists.</li>
 * </ul>
 *
 * <h2>Visibility</h2>
 * A system is visible to people holding any role on the subtree of its owner, its operator (which may be an outside
 * provider) or an organisation that appraises or approves one of its dossiers (added on submission). Editing needs
 * EDIT_SECURITY_DATA on the owner or operator; appraising needs EDIT_SECURITY_DATA or APPROVE on the appraiser;
 * approving needs APPROVE on the approver; nobody appraises or approves a dossier they submitted.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"access", "audit", "organizations", "identity", "platform", "platform :: *"})
package vn.khien.systems;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
