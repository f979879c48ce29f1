package vn.khien.platform.attention;

import java.util.List;

/**
 * A module's contribution to the home page's "what needs my attention". Each module implements it as a bean over
 * its own data; the home page collects every bean, so the foundation never learns of the features.
 *
 * <p>Implementations answer for the signed-in person: every query is scoped to what that person may see (the
 * modules' scoped repositories read the same person from the security context), they stay cheap (counts and
 * aggregates, no query per system) and they return at most a few dozen lines — the page shows only the first few.
 */
public interface AttentionSource {

    /** Lines for this person, in any order; empty when nothing needs attention. */
    List<AttentionItem> itemsFor(long personId);

    /** Where the whole list lives, offered as "more" when the page cuts this source's lines short. */
    default String moreLink() {
        return "/";
    }

    /**
     * Whether the lines may be a few minutes old (a whole-subtree evaluation such as every recurring duty): the home
     * page then shows the lines last computed for the person and recomputes them in the background (ADR 0059).
     */
    default boolean mayLag() {
        return false;
    }

    /**
     * Whether this person's lines may be a few minutes old: {@link #mayLag} unless the source lags for some people
     * only (the findings roll-ups of a person who sees the whole tree, ADR 0071). Asked on the request, as that person.
     */
    default boolean mayLagFor(long personId) {
        return mayLag();
    }
}
