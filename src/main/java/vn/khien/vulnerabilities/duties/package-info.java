/** R21 duty evidence (vulnerability scans) for the obligations module. */
@NullMarked
package vn.khien.vulnerabilities.duties;

import org.jspecify.annotations.NullMarked;
