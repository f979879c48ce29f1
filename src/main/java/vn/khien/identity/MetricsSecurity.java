package vn.khien.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import vn.khien.access.OrgScope;

/**
 * The Prometheus endpoint is read by a scraper, not a browser: it takes a bearer token (like the API) and answers
 * only to a platform administrator's token, like the other management data. Health stays public for load balancers.
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http, ApiTokenService tokens, ProblemResponses problems, OrgScope scope)
            throws Exception {
        http.securityMatcher("/actuator/prometheus")
                .authorizeHttpRequests(a -> a.anyRequest()
                        .access((auth, ctx) ->
                                new AuthorizationDecision(auth.get().isAuthenticated() && scope.isPlatformAdmin())))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(
                                (req, res, ex) -> problems.write(res, 401, "unauthenticated", "error.unauthenticated"))
                        .accessDeniedHandler(
                                (req, res, ex) -> problems.write(res, 403, "forbidden", "error.forbidden")))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }
}
