package vn.khien.compliance.catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks the rules every catalogue must satisfy before a plan may be derived from it. Collects all problems instead of
 * stopping at the first, so an administrator importing a file sees everything to fix at once.
 */
final class CatalogueValidator {

    private CatalogueValidator() {}

    public static List<String> problemsOf(Catalogue catalogue) {
        List<String> problems = new ArrayList<>();
        checkHeader(catalogue.header(), problems);
        Set<String> seenIds = new HashSet<>();
        for (int index = 0; index < catalogue.requirements().size(); index++) {
            Requirement requirement = catalogue.requirements().get(index);
            String name = nameOf(requirement, index);
            if (isBlank(requirement.id())) {
                problems.add(name + ": missing id");
            } else if (!seenIds.add(requirement.id())) {
                problems.add(name + ": duplicate id");
            }
            checkRequirement(requirement, name, problems);
        }
        return problems;
    }

    public static void validate(Catalogue catalogue, String source) {
        List<String> problems = problemsOf(catalogue);
        if (!problems.isEmpty()) {
            throw new CatalogueValidationException(source, problems);
        }
    }

    static String nameOf(Requirement requirement, int index) {
        return isBlank(requirement.id()) ? "requirement #" + (index + 1) : "requirement '" + requirement.id() + "'";
    }

    private static void checkHeader(CatalogueHeader header, List<String> problems) {
        if (header == null) {
            problems.add("catalogue header is missing");
            return;
        }
        requireText(header.id(), "catalogue header: missing id", problems);
        requireText(header.version(), "catalogue header: missing version", problems);
        requireText(header.legalSource(), "catalogue header: missing legalSource", problems);
        if (isBlank(header.titleVi()) && isBlank(header.titleEn())) {
            problems.add("catalogue header: missing title (titleVi or titleEn)");
        }
        if (header.layer() == null) {
            problems.add("catalogue header: missing layer (BASE or ORGANISATION)");
        } else if (header.layer() == CatalogueLayer.BASE && header.regime() == null) {
            problems.add("catalogue header: a BASE catalogue must name its regime (LEGACY or NEW)");
        } else if (header.layer() == CatalogueLayer.ORGANISATION && isBlank(header.organisation())) {
            problems.add("catalogue header: an ORGANISATION layer must name its organisation");
        }
        if (header.effectiveFrom() != null
                && header.effectiveTo() != null
                && header.effectiveTo().isBefore(header.effectiveFrom())) {
            problems.add("catalogue header: effectiveTo is before effectiveFrom");
        }
    }

    private static void checkRequirement(Requirement requirement, String name, List<String> problems) {
        if (requirement.kind() == null) {
            problems.add(name + ": missing kind");
        }
        if (requirement.group() == null) {
            problems.add(name + ": missing group");
        }
        if (requirement.kind() != null
                && requirement.group() != null
                && requirement.kind().isTechnical() == requirement.group().isManagement()) {
            problems.add(name + ": group " + requirement.group() + " does not fit kind " + requirement.kind()
                    + " (management kinds take POLICY…END_OF_LIFE, technical kinds NETWORK/SERVER/APPLICATION/DATA)");
        }
        requireText(requirement.textVi(), name + ": missing textVi", problems);
        requireText(requirement.textEn(), name + ": missing textEn", problems);
        checkLevels(requirement, name, problems);
        checkSources(requirement, name, problems);
        checkDesignProducts(requirement, name, problems);
        for (Integer level : requirement.levelText().keySet()) {
            if (!requirement.levels().contains(level)) {
                problems.add(name + ": levelText for level " + level + " which the requirement does not apply to");
            }
        }
    }

    private static void checkLevels(Requirement requirement, String name, List<String> problems) {
        if (requirement.levels().isEmpty()) {
            problems.add(name + ": applies to no level");
        }
        Set<Integer> seen = new HashSet<>();
        for (Integer level : requirement.levels()) {
            if (level == null || !Levels.isValid(level)) {
                problems.add(name + ": level " + level + " is outside 1–5");
            } else if (!seen.add(level)) {
                problems.add(name + ": level " + level + " listed twice");
            }
        }
    }

    private static void checkSources(Requirement requirement, String name, List<String> problems) {
        if (requirement.sources().isEmpty()) {
            problems.add(name + ": has no legal source");
        }
        for (LegalReference source : requirement.sources()) {
            if (isBlank(source.document()) || isBlank(source.clause())) {
                problems.add(name + ": a legal source lacks document or clause");
            }
            for (Integer level : source.levels()) {
                if (!requirement.levels().contains(level)) {
                    problems.add(name + ": legal source '" + source.citation() + "' cites level " + level
                            + " which the requirement does not apply to");
                }
            }
        }
        for (Integer level : requirement.levels()) {
            if (requirement.sourcesFor(level).isEmpty()) {
                problems.add(name + ": no legal source for level " + level);
            }
        }
    }

    private static void checkDesignProducts(Requirement requirement, String name, List<String> problems) {
        for (DesignProduct product : requirement.designProducts()) {
            if (isBlank(product.code())) {
                problems.add(name + ": a design product has no code");
            }
            if (product.levels().isEmpty()) {
                problems.add(name + ": design product " + product.code() + " applies to no level");
            }
            for (Integer level : product.levels()) {
                if (!requirement.levels().contains(level)) {
                    problems.add(name + ": design product " + product.code() + " cites level " + level
                            + " which the requirement does not apply to");
                }
            }
        }
    }

    private static void requireText(String value, String problem, List<String> problems) {
        if (isBlank(value)) {
            problems.add(problem);
        }
    }

    static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
