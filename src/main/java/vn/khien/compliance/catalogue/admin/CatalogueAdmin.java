package vn.khien.compliance.catalogue.admin;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.compliance.catalogue.Catalogue;
import vn.khien.compliance.catalogue.CatalogueExporter;
import vn.khien.compliance.catalogue.CatalogueLayer;
import vn.khien.compliance.catalogue.CatalogueLoader;
import vn.khien.compliance.catalogue.CatalogueSet;
import vn.khien.compliance.catalogue.CatalogueValidationException;
import vn.khien.compliance.catalogue.Regime;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;

/**
 * Administrator import and export of catalogues. Legal BASE catalogues change only by a platform administrator;
 * an organisation's internal-policy layer by whoever manages that organisation. Imports are validated as fully as the
 * shipped files, and a layer must fit on the base of its regime (no reused ids).
 */
@Service
public class CatalogueAdmin {

    private final CatalogueStore store;
    private final OrgScope scope;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final PlanRederivation plans;

    public CatalogueAdmin(
            CatalogueStore store, OrgScope scope, AuditTrail audit, JdbcClient jdbc, PlanRederivation plans) {
        this.plans = plans;
        this.store = store;
        this.scope = scope;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** Base catalogues for everyone signed in; organisation layers only within the caller's subtree. */
    public List<StoredCatalogue> visible() {
        store.loadShipped();
        return store.all().stream().filter(this::canSee).toList();
    }

    public StoredCatalogue get(long id) {
        return store.byId(id).filter(this::canSee).orElseThrow(() -> new NotFoundException("catalogue " + id));
    }

    public String export(long id) {
        return CatalogueExporter.toYaml(get(id).catalogue());
    }

    @Transactional
    public StoredCatalogue importYaml(@Nullable String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw new FieldProblemException("file", "validation.required");
        }
        if (yaml.length() > CatalogueLoader.MAX_CHARS) {
            throw new FieldProblemException("file", "validation.maxChars", CatalogueLoader.MAX_CHARS);
        }
        Catalogue catalogue;
        try {
            catalogue = CatalogueLoader.fromYaml(yaml, "import");
        } catch (CatalogueValidationException e) {
            throw new FieldProblemException(
                    "file",
                    "compliance.catalogue.invalid",
                    String.join(
                            "; ",
                            e.problems().subList(0, Math.min(5, e.problems().size()))));
        }
        @Nullable Long organizationId = null;
        if (catalogue.header().layer() == CatalogueLayer.BASE) {
            if (!scope.isPlatformAdmin()) {
                throw new ForbiddenActionException("error.forbidden");
            }
        } else {
            organizationId = organisationOf(catalogue);
            checkFitsOnBase(catalogue);
        }
        if (store.find(catalogue.header().id(), catalogue.header().version()).isPresent()) {
            throw new FieldProblemException(
                    "file",
                    "compliance.catalogue.versionExists",
                    catalogue.header().versionedId());
        }
        long id = store.insert(catalogue, CatalogueExporter.toYaml(catalogue), organizationId, "IMPORTED");
        audit.record(AuditEntry.change(
                "compliance.catalogue.import",
                organizationId,
                "compliance_catalogue",
                id,
                null,
                Map.of(
                        "catalogue",
                        catalogue.header().versionedId(),
                        "requirements",
                        catalogue.requirements().size())));
        // A new version changes what plans require: the plans it affects are re-derived.
        plans.rederive(catalogue.header().regime(), organizationId);
        return store.byId(id).orElseThrow();
    }

    private Long organisationOf(Catalogue layer) {
        String code = layer.header().organisation();
        Long id = code == null
                ? null
                : jdbc.sql("SELECT id FROM organization WHERE LOWER(code) = LOWER(:c)")
                        .param("c", code)
                        .query(Long.class)
                        .optional()
                        .orElse(null);
        // An organisation outside the caller's subtree reads exactly like an unknown one.
        if (id == null || !scope.canSee(id)) {
            throw new FieldProblemException("file", "compliance.catalogue.organisationUnknown", String.valueOf(code));
        }
        if (!scope.can(id, Capability.MANAGE_ORGANIZATIONS)) {
            throw new ForbiddenActionException("error.forbidden");
        }
        return id;
    }

    private void checkFitsOnBase(Catalogue layer) {
        for (var regime : Regime.values()) {
            if (layer.header().regime() != null && layer.header().regime() != regime) {
                continue;
            }
            try {
                CatalogueSet.of(store.base(regime), List.of(layer));
            } catch (CatalogueValidationException e) {
                throw new FieldProblemException(
                        "file", "compliance.catalogue.invalid", String.join("; ", e.problems()));
            }
        }
    }

    private boolean canSee(StoredCatalogue c) {
        return c.organizationId() == null || scope.canSee(c.organizationId());
    }
}
