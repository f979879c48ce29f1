/** The application's entry point. */
@NullMarked
package vn.khien;

import org.jspecify.annotations.NullMarked;
