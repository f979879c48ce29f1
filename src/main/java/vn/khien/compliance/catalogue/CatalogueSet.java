package vn.khien.compliance.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A base catalogue plus an organisation's own requirements (internal policies) layered on top. The organisation's
 * requirements join every plan of the levels they name, after the legal ones.
 */
public final class CatalogueSet implements RequirementIndex {

    private final Catalogue base;
    private final List<Catalogue> organisationLayers;
    private final Map<String, Requirement> byId;

    private CatalogueSet(Catalogue base, List<Catalogue> organisationLayers, Map<String, Requirement> byId) {
        this.base = base;
        this.organisationLayers = organisationLayers;
        this.byId = byId;
    }

    public static CatalogueSet of(Catalogue base) {
        return of(base, List.of());
    }

    /**
     * @throws CatalogueValidationException when a layer is of the wrong kind, is written for another regime, or reuses
     *                                      a requirement id, because a plan row must point at exactly one requirement
     */
    public static CatalogueSet of(Catalogue base, List<Catalogue> organisationLayers) {
        List<String> problems = new ArrayList<>();
        if (base.header().layer() != CatalogueLayer.BASE) {
            problems.add("catalogue '" + base.id() + "' is not a BASE catalogue");
        }
        Map<String, Requirement> byId = new HashMap<>();
        Map<String, String> ownerOfId = new HashMap<>();
        index(base, byId, ownerOfId, problems);
        for (Catalogue layer : organisationLayers) {
            CatalogueHeader header = layer.header();
            if (header.layer() != CatalogueLayer.ORGANISATION) {
                problems.add("catalogue '" + layer.id() + "' is layered on top but is not an ORGANISATION layer");
            }
            if (header.regime() != null && header.regime() != base.header().regime()) {
                problems.add("organisation layer '" + layer.id() + "' is written for regime " + header.regime()
                        + " but the base catalogue '" + base.id() + "' is "
                        + base.header().regime());
            }
            index(layer, byId, ownerOfId, problems);
        }
        if (!problems.isEmpty()) {
            throw new CatalogueValidationException("set based on " + base.id(), problems);
        }
        return new CatalogueSet(base, List.copyOf(organisationLayers), byId);
    }

    private static void index(
            Catalogue catalogue, Map<String, Requirement> byId, Map<String, String> ownerOfId, List<String> problems) {
        for (Requirement requirement : catalogue.requirements()) {
            String previousOwner = ownerOfId.putIfAbsent(requirement.id(), catalogue.id());
            if (previousOwner != null) {
                problems.add("requirement '" + requirement.id() + "' of '" + catalogue.id()
                        + "' reuses an id already defined by '" + previousOwner + "'");
            } else {
                byId.put(requirement.id(), requirement);
            }
        }
    }

    public Catalogue base() {
        return base;
    }

    public List<Catalogue> organisationLayers() {
        return organisationLayers;
    }

    public Regime regime() {
        // a base catalogue always names its regime (CatalogueValidator refuses one that does not)
        return Objects.requireNonNull(base.header().regime(), "regime of a base catalogue");
    }

    /** Base requirements of the level first (catalogue order), then each organisation layer's. */
    public List<Requirement> requirementsFor(int level) {
        List<Requirement> result = new ArrayList<>(base.requirementsFor(level));
        for (Catalogue layer : organisationLayers) {
            result.addAll(layer.requirementsFor(level));
        }
        return List.copyOf(result);
    }

    @Override
    public Optional<Requirement> find(String requirementId) {
        return Optional.ofNullable(byId.get(requirementId));
    }

    /** Which catalogue (base or layer) defines the requirement — for showing "legal" vs "internal policy". */
    public Optional<Catalogue> catalogueOf(String requirementId) {
        if (base.find(requirementId).isPresent()) {
            return Optional.of(base);
        }
        return organisationLayers.stream()
                .filter(layer -> layer.find(requirementId).isPresent())
                .findFirst();
    }
}
