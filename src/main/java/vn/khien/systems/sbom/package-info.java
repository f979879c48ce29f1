/** CycloneDX SBOM import into a system's components. */
@NullMarked
package vn.khien.systems.sbom;

import org.jspecify.annotations.NullMarked;
