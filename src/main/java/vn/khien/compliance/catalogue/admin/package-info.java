/**
 * The database and web side of the requirement catalogues: every shipped or imported version stored at start
 * ({@link vn.khien.compliance.catalogue.admin.CatalogueStore}, table {@code compliance_catalogue}), the base catalogue
 * in force per regime plus the organisation layers, and the catalogue administration (import, export). The rules
 * themselves are plain Java in {@code vn.khien.compliance.catalogue}.
 */
@NullMarked
package vn.khien.compliance.catalogue.admin;

import org.jspecify.annotations.NullMarked;
