package vn.khien.identity;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.access.Role;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.organizations.Organization;
import vn.khien.organizations.OrganizationRepository;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;

/** People and role grants, authorised against the organisation each role is granted on. */
@Service
class PeopleService {

    private final PersonRepository people;
    private final OrganizationRepository organizations;
    private final OrgScope scope;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Clock clock;

    public PeopleService(
            PersonRepository people,
            OrganizationRepository organizations,
            OrgScope scope,
            PasswordEncoder encoder,
            AuditTrail audit,
            Clock clock) {
        this.people = people;
        this.organizations = organizations;
        this.scope = scope;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Person> visible() {
        return people.findAllVisible();
    }

    /** One person in the caller's scope; administrators' reads of people below their own organisation are recorded. */
    @Transactional
    public Person get(long id) {
        Person person = people.findVisible(id).orElseThrow(() -> new NotFoundException("person"));
        Long home = people.homeOrganization(id);
        if (home != null && scope.administersFromAbove(home)) {
            audit.record(AuditEntry.of("ADMIN_READ", home, "person", id));
        }
        return person;
    }

    @Transactional(readOnly = true)
    public List<RoleGrant> grantsVisibleOf(long personId) {
        if (people.findVisible(personId).isEmpty()) {
            throw new NotFoundException("person");
        }
        return people.grantsOf(personId).stream()
                .filter(g -> scope.canSee(g.organizationId()))
                .toList();
    }

    @Transactional
    public Person create(NewPersonRequest request) {
        // The API and the form validate the request first (@Valid): these are never missing here.
        String username = Objects.requireNonNull(request.getUsername(), "username");
        String password = Objects.requireNonNull(request.getPassword(), "password");
        String displayName = Objects.requireNonNull(request.getDisplayName(), "displayName");
        for (int i = 0; i < request.getRoles().size(); i++) {
            NewPersonRequest.RoleRequest r = request.getRoles().get(i);
            requireMayGrant(
                    role(r),
                    Objects.requireNonNull(r.getOrganizationId(), "organizationId"),
                    "roles[" + i + "].organizationId");
        }
        if (people.findByUsername(username).isPresent()) {
            throw new FieldProblemException("username", "person.username.taken", username);
        }
        PasswordPolicy.check("password", password, username);
        long id = people.insert(
                username, encoder.encode(password), displayName, request.getEmail(), false, clock.instant());
        Long firstOrg = request.getRoles().get(0).getOrganizationId();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("username", username);
        after.put("displayName", displayName);
        after.put("email", request.getEmail());
        audit.record(AuditEntry.change("PERSON_CREATED", firstOrg, "person", id, null, after));
        for (NewPersonRequest.RoleRequest r : request.getRoles()) {
            grantUnchecked(id, Objects.requireNonNull(r.getOrganizationId(), "organizationId"), role(r));
        }
        return people.find(id).orElseThrow();
    }

    @Transactional
    public void grant(long personId, long organizationId, Role role) {
        if (people.findVisible(personId).isEmpty()) {
            throw new NotFoundException("person");
        }
        requireMayGrant(role, organizationId, "organizationId");
        boolean exists = people.grantsOf(personId).stream()
                .anyMatch(g -> g.organizationId() == organizationId && g.role() == role);
        if (exists) {
            throw new FieldProblemException("role", "person.role.exists");
        }
        grantUnchecked(personId, organizationId, role);
    }

    @Transactional
    public void revoke(long personId, long grantId) {
        if (people.findVisible(personId).isEmpty()) {
            throw new NotFoundException("person");
        }
        RoleGrant grant = people.grantsOf(personId).stream()
                .filter(g -> g.id() == grantId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("grant"));
        requireMayGrant(grant.role(), grant.organizationId(), "grantId");
        people.revoke(grantId);
        audit.record(AuditEntry.change(
                "ROLE_REVOKED",
                grant.organizationId(),
                "person",
                personId,
                Map.of("role", grant.role().name(), "organizationId", grant.organizationId()),
                null));
    }

    private void grantUnchecked(long personId, long organizationId, Role role) {
        people.grant(personId, organizationId, role, clock.instant());
        audit.record(AuditEntry.change(
                "ROLE_GRANTED",
                organizationId,
                "person",
                personId,
                null,
                Map.of("role", role.name(), "organizationId", organizationId)));
    }

    /** The role of a validated role request (@NotNull). */
    private static Role role(NewPersonRequest.RoleRequest r) {
        return Objects.requireNonNull(r.getRole(), "role");
    }

    private void requireMayGrant(Role role, long organizationId, String field) {
        Organization org = organizations
                .findVisible(organizationId)
                .orElseThrow(() -> new FieldProblemException(field, "organization.unknown"));
        Capability needed = role == Role.PLATFORM_ADMIN ? Capability.MANAGE_PLATFORM : Capability.MANAGE_USERS;
        if (!scope.can(org.id(), needed)) {
            throw new ForbiddenActionException("error.forbidden");
        }
    }
}
