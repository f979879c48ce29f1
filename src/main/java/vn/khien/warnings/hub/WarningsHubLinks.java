package vn.khien.warnings.hub;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.khien.systems.SystemHubLinks;
import vn.khien.warnings.SystemWarnings;

/** The system page's entry for warnings that reach the system and are not settled (neither fixed nor not affected). */
@Component
class WarningsHubLinks implements SystemHubLinks {

    private final SystemWarnings warnings;

    WarningsHubLinks(SystemWarnings warnings) {
        this.warnings = warnings;
    }

    @Override
    public List<Link> linksFor(long systemId) {
        long open = warnings.openFor(systemId);
        return List.of(new Link(40, "warnings.hub.open", warnings.link(), open, null, null, open > 0));
    }
}
