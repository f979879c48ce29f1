/** Flyway's Java migrations, for what no single SQL does on both databases. */
@NullMarked
package db.migration;

import org.jspecify.annotations.NullMarked;
