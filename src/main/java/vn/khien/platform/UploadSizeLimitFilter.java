package vn.khien.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload through a page form that is over {@code spring.servlet.multipart.max-file-size} (or
 * {@code max-request-size}) would get Tomcat's bare HTML 413: Spring Security's CSRF filter reads the {@code _csrf}
 * parameter, which makes Tomcat parse the multipart body and fail before any controller runs. This filter, placed
 * before Spring Security, parses multipart page posts first; when the container refuses the size it answers
 * <b>303 See Other</b> to the same page with {@code ?uploadTooLarge} (for htmx, an {@code HX-Redirect}), which every
 * page renders with a Vietnamese message (the scans page in its upload form, the others in the layout). Nothing was
 * read into the application, and the redirected GET passes the usual authentication and scope checks, so this reveals
 * nothing. The API ({@code /api/}) keeps its problem+json answer (no CSRF there, see ScansApi).
 */
@Component
@Order(-105) // before Spring Security (-100), after the encoding and session filters
public class UploadSizeLimitFilter extends OncePerRequestFilter {

    public static final String PARAMETER = "uploadTooLarge";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equalsIgnoreCase(request.getMethod())
                || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                || path.startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts();
        } catch (IllegalStateException | ServletException | IOException e) {
            if (sizeLimit(e)) {
                String target = request.getRequestURI() + "?" + PARAMETER;
                if (request.getHeader("HX-Request") != null) {
                    response.setHeader("HX-Redirect", target);
                    response.setStatus(HttpServletResponse.SC_OK);
                } else {
                    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                    response.setHeader("Location", target);
                }
                return;
            }
            // Any other malformed body: let the chain (and its error handling) deal with it as before.
        }
        chain.doFilter(request, response);
    }

    static boolean sizeLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MaxUploadSizeExceededException
                    || t.getClass().getSimpleName().endsWith("SizeLimitExceededException")) {
                return true;
            }
        }
        return false;
    }
}
