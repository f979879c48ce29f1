/** The warnings' entries on a system's page. */
@NullMarked
package vn.khien.warnings.hub;

import org.jspecify.annotations.NullMarked;
