/**
 * The obligation catalogue R01–R48 (rule data in {@code rules/obligations/catalogue.yaml}) and the plain-Java
 * engine that turns a rule, a subject and the reported evidence into a status.
 */
@NullMarked
package vn.khien.obligations.catalogue;

import org.jspecify.annotations.NullMarked;
