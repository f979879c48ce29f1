/**
 * Quarterly access reviews of administrative grants (issue 13, Chỉ thị 2634/CT-VPCP; ADR 0039): the workflow on
 * {@link vn.khien.identity.reviews.AccessReview}, its rule data, duty R49 and the attention line.
 */
@NullMarked
package vn.khien.identity.reviews;

import org.jspecify.annotations.NullMarked;
