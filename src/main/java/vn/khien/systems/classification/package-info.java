/** The plain-Java classification engine: a regime's questions, answers and criteria to a level. */
@NullMarked
package vn.khien.systems.classification;

import org.jspecify.annotations.NullMarked;
