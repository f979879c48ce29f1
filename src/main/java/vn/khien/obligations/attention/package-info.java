/** Obligations that need the reader's attention on the home page. */
@NullMarked
package vn.khien.obligations.attention;

import org.jspecify.annotations.NullMarked;
