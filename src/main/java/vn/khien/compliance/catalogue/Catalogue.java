package vn.khien.compliance.catalogue;

import java.util.List;
import java.util.Optional;

/** A versioned requirement catalogue. Build it through {@link CatalogueLoader} so it is validated. */
public record Catalogue(CatalogueHeader header, List<Requirement> requirements) implements RequirementIndex {

    public Catalogue {
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
    }

    /** The requirements that apply at the given level, in catalogue order. */
    public List<Requirement> requirementsFor(int level) {
        Levels.check(level);
        return requirements.stream()
                .filter(requirement -> requirement.appliesTo(level))
                .toList();
    }

    public List<Requirement> requirementsFor(int level, RequirementKind kind) {
        return requirementsFor(level).stream()
                .filter(requirement -> requirement.kind() == kind)
                .toList();
    }

    @Override
    public Optional<Requirement> find(String requirementId) {
        return requirements.stream()
                .filter(requirement -> requirement.id().equals(requirementId))
                .findFirst();
    }

    public String id() {
        return header.id();
    }
}
