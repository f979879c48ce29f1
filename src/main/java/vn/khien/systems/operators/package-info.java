/** Operators beyond the owner's subtree: published providers and operator proposals (ADR 0029). */
@NullMarked
package vn.khien.systems.operators;

import org.jspecify.annotations.NullMarked;
