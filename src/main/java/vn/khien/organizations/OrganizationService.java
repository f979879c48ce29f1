package vn.khien.organizations;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;

/** Creating, changing and moving organisations, each step authorised, validated and audited. */
@Service
public class OrganizationService {

    private final OrganizationRepository repository;
    private final OrgScope scope;
    private final AuditTrail audit;
    private final Clock clock;

    public OrganizationService(OrganizationRepository repository, OrgScope scope, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Organization> visible() {
        return repository.findAllVisible();
    }

    /** One organisation in the caller's scope; administrators' reads of organisations below their own are recorded. */
    @Transactional
    public Organization get(long id) {
        Organization org = repository.findVisible(id).orElseThrow(() -> new NotFoundException("organization"));
        if (scope.administersFromAbove(org.id())) {
            audit.record(AuditEntry.of("ADMIN_READ", org.id(), "organization", org.id()));
        }
        return org;
    }

    @Transactional
    public Organization create(OrganizationForm form) {
        if (form.getParentId() == null) {
            throw new FieldProblemException("parentId", "validation.required");
        }
        Organization parent = repository
                .findVisible(form.getParentId())
                .orElseThrow(() -> new FieldProblemException("parentId", "organization.parent.unknown"));
        requireManage(parent.id());
        requireUniqueCode(form.getCode(), null);
        long id = repository.insert(form, parent.path(), false, clock.instant());
        Organization created = repository.find(id).orElseThrow();
        audit.record(AuditEntry.change("ORGANIZATION_CREATED", id, "organization", id, null, snapshot(created)));
        return created;
    }

    /**
     * Start-up seeding only (root organisation, demo data): no caller exists yet, so no scope
     * check; still audited.
     */
    @Transactional
    public Organization seed(OrganizationForm form, @Nullable String parentPath, boolean demo) {
        long id = repository.insert(form, parentPath, demo, clock.instant());
        Organization created = repository.find(id).orElseThrow();
        audit.record(AuditEntry.change("ORGANIZATION_CREATED", id, "organization", id, null, snapshot(created)));
        return created;
    }

    /** Updates fields and, when parentId changes, moves the whole subtree: ids, data and history stay. */
    @Transactional
    public Organization update(long id, OrganizationForm form) {
        Organization before = repository.findVisible(id).orElseThrow(() -> new NotFoundException("organization"));
        boolean mayManage = scope.can(id, Capability.MANAGE_ORGANIZATIONS);
        if (!mayManage) {
            // Security officers keep their unit's contact point current, and only that.
            if (!scope.can(id, Capability.EDIT_CONTACT_POINT) || !onlyContactChanged(before, form)) {
                throw new ForbiddenActionException("error.forbidden");
            }
        }
        requireUniqueCode(form.getCode(), id);
        if (form.getParentId() != null && !Objects.equals(form.getParentId(), before.parentId())) {
            move(before, form.getParentId());
        } else if (form.getParentId() == null && before.parentId() != null) {
            throw new FieldProblemException("parentId", "validation.required");
        }
        repository.update(id, form, clock.instant());
        Organization after = repository.find(id).orElseThrow();
        audit.record(
                AuditEntry.change("ORGANIZATION_UPDATED", id, "organization", id, snapshot(before), snapshot(after)));
        return after;
    }

    private void move(Organization org, long newParentId) {
        if (org.parentId() == null) {
            throw new FieldProblemException("parentId", "organization.root.immovable");
        }
        Organization newParent = repository
                .findVisible(newParentId)
                .orElseThrow(() -> new FieldProblemException("parentId", "organization.parent.unknown"));
        if (newParent.path().startsWith(org.path())) {
            throw new FieldProblemException("parentId", "organization.parent.cycle");
        }
        requireManage(org.parentId());
        requireManage(newParent.id());
        repository.move(org, newParent, clock.instant());
        audit.record(AuditEntry.change(
                "ORGANIZATION_MOVED",
                org.id(),
                "organization",
                org.id(),
                Map.of("parentId", org.parentId()),
                Map.of("parentId", newParent.id())));
    }

    private void requireManage(long orgId) {
        if (!scope.can(orgId, Capability.MANAGE_ORGANIZATIONS)) {
            throw new ForbiddenActionException("error.forbidden");
        }
    }

    private void requireUniqueCode(@Nullable String code, @Nullable Long ownId) {
        if (code == null) {
            return; // the form's validation reports a missing code
        }
        repository
                .findByCode(code)
                .filter(o -> ownId == null || o.id() != ownId)
                .ifPresent(o -> {
                    throw new FieldProblemException("code", "organization.code.taken", code);
                });
    }

    private static boolean onlyContactChanged(Organization o, OrganizationForm f) {
        OrganizationForm same = OrganizationForm.of(o);
        return Objects.equals(same.getCode(), f.getCode())
                && Objects.equals(same.getName(), f.getName())
                && Objects.equals(same.getKind(), f.getKind())
                && Objects.equals(same.getParentId(), f.getParentId())
                && same.isRequireMfa() == f.isRequireMfa()
                && Objects.equals(nullToEmpty(same.getNameEn()), nullToEmpty(f.getNameEn()))
                && Objects.equals(nullToEmpty(same.getAddress()), nullToEmpty(f.getAddress()));
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s.trim();
    }

    static Map<String, Object> snapshot(Organization o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", o.code());
        m.put("name", o.nameVi());
        m.put("nameEn", o.nameEn());
        m.put("kind", o.kind().name());
        m.put("parentId", o.parentId());
        m.put("address", o.address());
        m.put("contactPerson", o.contact().person());
        m.put("contactPhone", o.contact().phone());
        m.put("contactEmail", o.contact().email());
        m.put(
                "contactConfirmedOn",
                o.contact().confirmedOn() == null
                        ? null
                        : o.contact().confirmedOn().toString());
        m.put("contactPublic", o.contact().published());
        m.put("requireMfa", o.requireMfa());
        return m;
    }
}
