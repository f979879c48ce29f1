/** Loading and checking the rule data (YAML under {@code rules/}). */
@NullMarked
package vn.khien.systems.rules;

import org.jspecify.annotations.NullMarked;
