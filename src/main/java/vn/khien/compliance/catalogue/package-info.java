/**
 * Requirement catalogues as versioned data, and the pure logic built on them (no database, no web).
 * <ul>
 *   <li>{@code catalogues/tt12-2022.yaml} — Circular 12/2022 Phụ lục I–V (legacy regime), loaded by
 *       {@link vn.khien.compliance.catalogue.CatalogueLoader#loadTt12()};</li>
 *   <li>{@code catalogues/nd331-2026.yaml} — provisional NĐ 331/2026 catalogue (new regime), with confidence flags;</li>
 *   <li>{@link vn.khien.compliance.catalogue.CatalogueExporter} writes a catalogue back for the admin export;
 *       {@link vn.khien.compliance.catalogue.CatalogueSet} layers an organisation's own requirements on a base;</li>
 *   <li>{@link vn.khien.compliance.catalogue.PlanDerivation} / {@link vn.khien.compliance.catalogue.PlanDiff} derive a
 *       system's plan from its level and compare plans on level or regime change;</li>
 *   <li>{@link vn.khien.compliance.catalogue.ComplianceRollup} and
 *       {@link vn.khien.compliance.catalogue.EvidenceExpiry} compute compliance shares and evidence validity.</li>
 * </ul>
 */
@NullMarked
package vn.khien.compliance.catalogue;

import org.jspecify.annotations.NullMarked;
