/** Who appraises and approves a level dossier, resolved from the authority rule data. */
@NullMarked
package vn.khien.systems.classification.authority;

import org.jspecify.annotations.NullMarked;
