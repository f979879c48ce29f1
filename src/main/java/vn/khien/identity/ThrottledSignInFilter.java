package vn.khien.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.khien.identity.throttle.LoginThrottle;

/**
 * Refuses a web sign-in while its source, its name or both are throttled (ADR 0017), before the password is checked:
 * the page says when to try again, the same words whether the account exists or not.
 */
class ThrottledSignInFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    ThrottledSignInFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String name = request.getParameter("username");
        Optional<Duration> wait = throttle.retryAfter(request.getRemoteAddr(), name == null ? "" : name);
        if (wait.isPresent()) {
            redirect(request, response, wait.get());
            return;
        }
        chain.doFilter(request, response);
    }

    static void redirect(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
        response.setHeader("Retry-After", String.valueOf(wait.toSeconds()));
        response.sendRedirect(request.getContextPath() + "/login?throttled=" + wait.toSeconds());
    }

    /** After a failed sign-in: the throttled page when that failure started a delay, the usual error otherwise. */
    static AuthenticationFailureHandler failureHandler() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            if (request.getAttribute(LoginThrottle.RETRY_AFTER) instanceof Duration wait) {
                redirect(request, response, wait);
            } else {
                response.sendRedirect(request.getContextPath() + "/login?error");
            }
        };
    }
}
