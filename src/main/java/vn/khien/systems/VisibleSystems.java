package vn.khien.systems;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.khien.access.ScopeFilter;
import vn.khien.systems.register.InformationSystem;
import vn.khien.systems.register.SystemRepository;
import vn.khien.systems.register.SystemSearch;
import vn.khien.systems.register.SystemService;

/**
 * The systems the caller may see, for other modules (compliance, vulnerabilities, …): the visibility
 * predicate to AND into their own SQL, and the registered system itself. A system outside the caller's
 * reach is a 404, as on the register's own pages.
 */
@Component
public class VisibleSystems {

    private final SystemRepository repository;
    private final SystemService service;

    VisibleSystems(SystemRepository repository, SystemService service) {
        this.repository = repository;
        this.service = service;
    }

    /** SQL predicate over a system id expression (e.g. {@code "f.system_id"}): the system is visible to the caller. */
    public ScopeFilter visibleSystems(String systemIdExpr) {
        return repository.visibleSystems(systemIdExpr);
    }

    /**
     * SQL predicate over a system id expression: the caller may read the system's security plan — everyone of
     * {@link #visibleSystems}, and the bodies appraising one of its dossiers while they do (ADR 0012). Only the plan's
     * own reads (its items, revisions, the security regulation) use it; evidence, tasks and assessments do not.
     */
    public ScopeFilter planVisible(String systemIdExpr) {
        return repository.planVisible(systemIdExpr);
    }

    /** The system, if the caller may read its security plan ({@link #planVisible}); otherwise 404. */
    public InformationSystem forPlan(long id) {
        return service.forPlan(id);
    }

    /** Whether the caller reads everything about the system, not only what appraisal opens to it (ADR 0012). */
    public boolean readsEverything(long id) {
        return service.readsEverything(id);
    }

    /**
     * SQL predicate over a system id expression: the system concerns the subtree whose organisation path is bound to
     * the parameter {@code subtreePath} (owned, operated, appraised or approved there).
     */
    public String concernsSubtree(String systemIdExpr) {
        return SystemRepository.concernsSubtree(systemIdExpr);
    }

    /** The system, if the caller may see it; otherwise {@code NotFoundException} (404). */
    public InformationSystem get(long id) {
        return service.get(id);
    }

    /** Whether the caller may edit the system's security data (owner's or operator's EDIT_SECURITY_DATA). */
    public boolean canEdit(InformationSystem system) {
        return service.canEdit(system);
    }

    /** The visible systems matching the search. */
    public List<InformationSystem> search(SystemSearch search) {
        return service.search(search);
    }
}
