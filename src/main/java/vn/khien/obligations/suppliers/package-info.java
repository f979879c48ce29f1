/** Supplier risk: assessments, tax codes and duties. */
@NullMarked
package vn.khien.obligations.suppliers;

import org.jspecify.annotations.NullMarked;
