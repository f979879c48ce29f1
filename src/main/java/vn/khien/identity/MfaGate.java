package vn.khien.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.khien.access.CurrentPerson;
import vn.khien.access.PersonPrincipal;

/**
 * After a password sign-in, holds the session at the MFA step (verify, or enrol when policy
 * demands it) until it is passed. Nothing but the MFA pages and sign-out is reachable meanwhile.
 */
class MfaGate extends OncePerRequestFilter {

    public static final String PASSED = "khien.mfa.passed";

    private final MfaService mfa;

    public MfaGate(MfaService mfa) {
        this.mfa = mfa;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        PersonPrincipal person = CurrentPerson.principal().orElse(null);
        HttpSession session = request.getSession(false);
        if (person == null || session == null || Boolean.TRUE.equals(session.getAttribute(PASSED)) || exempt(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!mfa.required(person.personId())) {
            session.setAttribute(PASSED, Boolean.TRUE);
            chain.doFilter(request, response);
            return;
        }
        String target = mfa.enrolled(person.personId()) ? "/mfa/verify" : "/mfa/enroll";
        response.sendRedirect(request.getContextPath() + target);
    }

    private static boolean exempt(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/mfa/")
                || path.equals("/logout")
                || path.startsWith("/webjars/")
                || path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.equals("/error")
                || path.startsWith("/public/")
                || path.equals("/login");
    }
}
