/**
 * Compliance with the security plan of each levelled system (issue 5).
 *
 * <h2>How it fits together</h2>
 * <ul>
 *   <li>{@code catalogue}: the requirement catalogues as versioned data, with pure logic (derivation, diff, roll-ups,
 *       evidence expiry); {@code catalogue.admin} stores every shipped or imported catalogue version at start (table
 *       {@code compliance_catalogue}); the base catalogue in force for a regime is the latest active BASE version,
 *       plus the internal-policy layers of the owner and its ancestors.</li>
 *   <li>{@code plan}: {@link vn.khien.compliance.plan.PlanListener} derives a system's plan on
 *       {@link vn.khien.systems.SystemLevelApproved} before the approving transaction commits; a later approval at
 *       another level or regime re-derives it, keeps every recorded answer and records the diff; so does a catalogue
 *       import ({@code catalogue.admin.PlanRederivation}).</li>
 *   <li>{@code evidence}, {@code tasks}, {@code risks}: evidence of plan items, remediation tasks, the risk rating.</li>
 *   <li>{@code assessment}: the periodicity rules (plain Java) next to the recorded assessments.</li>
 *   <li>{@code form08}: the compliance columns of the register's Mẫu 08 export.</li>
 *   <li>{@code web}: the pages and API, the plan as shown with its evidence and tasks, the roll-ups
 *       ({@code ComplianceService}), the plan DOCX and subtree XLSX.</li>
 *   <li>The sub-packages form no cycle ({@code ArchitectureTest}): catalogue, catalogue.admin, plan, then evidence,
 *       tasks, risks and assessment, with web, attention, demo and form08 on top.</li>
 * </ul>
 *
 * <h2>For other modules</h2>
 * <ul>
 *   <li>Table {@code security_plan}: one row per derivation; the current one has {@code superseded_at} NULL and
 *       names the catalogue versions ({@code TT12-2022@1.0.0,…}) it was derived from.</li>
 *   <li>Table {@code plan_item}: {@code system_id}, {@code requirement_id}, {@code required} (false once dropped by a
 *       re-derivation), {@code status} (MET, PARTLY_MET, PLANNED, NOT_STARTED, NOT_APPLICABLE). "Fully deployed" is
 *       every required, applicable item MET; use {@code web.ComplianceService} rather than recomputing it.</li>
 *   <li>Table {@code assessment}: {@code completed_on} per system drives the next due date.</li>
 * </ul>
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li>The 7 minimum network zones of TT 12 (kind NETWORK_ZONE) are kept in the plan: a level-3 TT 12 plan has
 *       22 management + 16 design + 21 configuration items + 7 zones = 66 requirements.</li>
 *   <li>A system never assessed counts as overdue (both regimes require periodic assessment of every levelled
 *       system); intervals run from the last completed assessment of any kind.</li>
 *   <li>MET on a requirement whose level requires a product unconditionally needs the deployed product named.</li>
 *   <li>Evidence expiring within {@link vn.khien.compliance.evidence.EvidenceRepository#EXPIRY_WARNING_DAYS} days is
 *       flagged; files are stored as BYTEA (VARBINARY on H2), 10 MB at most.</li>
 * </ul>
 */
@NullMarked
@ApplicationModule(
        allowedDependencies = {
            "access",
            "audit",
            "organizations",
            "identity",
            "platform",
            "platform :: *",
            "systems",
            "systems :: register"
        })
package vn.khien.compliance;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
