package vn.khien.identity;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import vn.khien.access.Capability;

/**
 * One notice for people. The text is a message key with string arguments, rendered in each reader's language.
 *
 * @param category   what it is about (WARNING, INCIDENT, DUTY, REPORT, AWARENESS…): people may opt out per category
 *                   where the law allows it
 * @param dedupKey   identifies the event (e.g. {@code warning:42:ack-reminder:2026-12-06}); a person gets one notice
 *                   per key
 * @param link       application path where the person acts, e.g. {@code /warnings/42}
 * @param audience   who receives it
 */
public record Notice(
        String category,
        String messageKey,
        List<String> args,
        @Nullable String link,
        String dedupKey,
        Audience audience) {

    public Notice {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(audience, "audience");
        args = List.copyOf(args);
    }

    /** Who receives a notice: named people, or the people holding a capability on an organisation itself. */
    public sealed interface Audience {
        record People(Collection<Long> personIds) implements Audience {
            public People {
                personIds = List.copyOf(personIds);
            }
        }

        /**
         * Everyone holding, on this organisation itself (not on an ancestor), a role with the capability: the
         * unit's own officers, not the province's.
         */
        record Holders(long organizationId, Capability capability) implements Audience {}

        static Audience people(Collection<Long> personIds) {
            return new People(personIds);
        }

        static Audience holders(long organizationId, Capability capability) {
            return new Holders(organizationId, capability);
        }
    }
}
