/** The vulnerability side of the {@code --demo} seed. */
@NullMarked
package vn.khien.vulnerabilities.demo;

import org.jspecify.annotations.NullMarked;
