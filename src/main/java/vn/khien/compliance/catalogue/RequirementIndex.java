package vn.khien.compliance.catalogue;

import java.util.Optional;

/** Looks a requirement up by id; implemented by {@link Catalogue} and {@link CatalogueSet}. */
@FunctionalInterface
public interface RequirementIndex {

    Optional<Requirement> find(String requirementId);

    /** Searches several indexes in order, so roll-ups can span systems under different regimes. */
    static RequirementIndex combining(RequirementIndex... indexes) {
        return id -> {
            for (RequirementIndex index : indexes) {
                Optional<Requirement> found = index.find(id);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        };
    }
}
