package vn.khien.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the signed-in person may do somewhere in their subtrees, for menus and action buttons: templates ask
 * {@code ${@may.anywhere('MANAGE_USERS')}} so nobody is offered what they cannot do. Each organisation-specific
 * action is still checked by its service with {@link OrgScope#can}. One query per request.
 */
@Component("may")
class Capabilities {
    private static final String KEY = Capabilities.class.getName();

    private final JdbcClient jdbc;

    public Capabilities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean anywhere(String capability) {
        Capability c = Capability.valueOf(capability);
        return held().stream().anyMatch(r -> r.has(c));
    }

    /** Roles this person may grant: every role whose capabilities they hold, the platform role only with MANAGE_PLATFORM. */
    public List<Role> grantableRoles() {
        Set<Role> held = held();
        boolean platform = held.stream().anyMatch(r -> r.has(Capability.MANAGE_PLATFORM));
        return Arrays.stream(Role.values())
                .filter(r -> r != Role.PLATFORM_ADMIN || platform)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private Set<Role> held() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        HttpServletRequest request = attributes instanceof ServletRequestAttributes s ? s.getRequest() : null;
        if (request != null && request.getAttribute(KEY) instanceof Set<?> cached) {
            return (Set<Role>) cached;
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("SELECT DISTINCT role FROM role_grant WHERE user_id = :person")
                .param("person", CurrentPerson.idOrNobody())
                .query(String.class)
                .list()
                .forEach(n -> roles.add(Role.valueOf(n)));
        if (request != null) {
            request.setAttribute(KEY, roles);
        }
        return roles;
    }
}
