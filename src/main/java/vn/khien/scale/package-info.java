/**
 * The national data set for load tests and benchmarks ({@code generate}), the database copy ({@code copy}) and the
 * bulk writer they share: plain JDBC, no Spring beans.
 */
@NullMarked
package vn.khien.scale;

import org.jspecify.annotations.NullMarked;
