/** What the obligations' XLSX imports share: the template sheet and the import round trip. */
@NullMarked
package vn.khien.obligations.xlsx;

import org.jspecify.annotations.NullMarked;
