package vn.khien.warnings.matching;

import java.util.Optional;

/** One affected-product statement of an advisory or warning: a CPE 2.3 name with NVD bounds, or a purl with vers. */
public sealed interface Criterion permits CpeCriterion, PurlCriterion {

    /** Why this component matches (names the product and the range), or empty when it does not. */
    Optional<String> match(Component component);

    /** Key used to pre-select candidate components in SQL: {@code cpe:2.3:part:vendor:product:} or {@code pkg:type/ns/name}. */
    String candidateKey();
}
