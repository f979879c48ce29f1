package vn.khien.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links in pages are resolved against the static resources (the webjars' version-free paths) only when they point
 * at a static resource. Spring's own {@link ResourceUrlEncodingFilter}, registered by Boot because the webjars
 * locator enables the resource chain, resolves every link of every page: the static handler's pattern is
 * {@code /**}, and a link that is no resource ({@code /systems/42}, {@code /findings?…}) misses the cache and is
 * looked up again in each classpath location inside the jar. On the findings list (a hundred links) that was
 * most of the page's time (issue 15, bench/README.md). Boot backs off when a ResourceUrlEncodingFilter is declared.
 * {@code khien.web.static-links-only=false} gives Spring's filter back (to compare, or if a template links to a
 * static folder not listed here).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "khien.web.static-links-only", havingValue = "true", matchIfMissing = true)
class StaticResourceUrls {

    /** Path prefixes (after the context path) of the static resources the templates link to. */
    static final List<String> STATIC_PREFIXES = List.of("/webjars/", "/css/", "/js/", "/img/", "/favicon");

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new StaticOnlyResourceUrlEncodingFilter());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    static boolean isStatic(String contextPath, String url) {
        if (url == null || !url.startsWith(contextPath)) {
            return false;
        }
        String path = url.substring(contextPath.length());
        for (String prefix : STATIC_PREFIXES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Spring's filter, with its URL rewriting applied to static resources' links only. */
    static final class StaticOnlyResourceUrlEncodingFilter extends ResourceUrlEncodingFilter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!(request instanceof HttpServletRequest httpRequest)
                    || !(response instanceof HttpServletResponse original)) {
                super.doFilter(request, response, chain);
                return;
            }
            String contextPath = httpRequest.getContextPath();
            super.doFilter(request, response, (req, res) -> {
                HttpServletResponse resolving = (HttpServletResponse) res;
                chain.doFilter(req, new HttpServletResponseWrapper(resolving) {
                    @Override
                    public String encodeURL(String url) {
                        return isStatic(contextPath, url) ? resolving.encodeURL(url) : original.encodeURL(url);
                    }
                });
            });
        }
    }
}
