/** The home page's register and dossier lines. */
@NullMarked
package vn.khien.systems.attention;

import org.jspecify.annotations.NullMarked;
