/** The register's duty evidence for the obligations module. */
@NullMarked
package vn.khien.systems.duties;

import org.jspecify.annotations.NullMarked;
