package vn.khien.identity;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.lang.Contract;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import vn.khien.identity.throttle.LoginThrottle;
import vn.khien.platform.KhienProperties;

/**
 * Two filter chains: the API (stateless, bearer tokens, problem+json) and the web UI (form or
 * OpenID Connect sign-in, sessions shared through the database, CSRF, MFA gate, strict headers).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "magnetometer=(), gyroscope=(), accelerometer=(), interest-cohort=()";

    /**
     * Headers on every answer of both chains: CSP (styles only from files: no inline style may be added to a
     * template), no referrer to other sites, no powerful browser features, HSTS whenever the request came over HTTPS
     * (and on every request in production, where TLS usually ends at the load balancer).
     */
    static void strictHeaders(HeadersConfigurer<HttpSecurity> h, KhienProperties properties) {
        h.contentSecurityPolicy(c -> c.policyDirectives(CSP));
        h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
        h.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY));
        h.httpStrictTransportSecurity(s -> {
            s.maxAgeInSeconds(31_536_000).includeSubDomains(true);
            s.requestMatcher(properties.production() ? AnyRequestMatcher.INSTANCE : request -> request.isSecure());
        });
    }

    /**
     * Run at the start of every password check, on the checking thread; null except in a test that looks at what the
     * check holds (issue 15: no pooled connection may be held during the deliberately slow hash).
     */
    static volatile @Nullable Runnable passwordCheckObserver;

    @Bean
    PasswordEncoder passwordEncoder() {
        // Delegating: stores "{bcrypt}…" today and lets a stronger algorithm take over without a reset.
        // A password over bcrypt's 72 bytes can never match (PasswordPolicy refuses to set one): answer "no" instead
        // of letting the encoder throw, so an overlong password is a failed sign-in, audited, not a 500.
        PasswordEncoder delegate = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new PasswordEncoder() {
            @Override
            @Contract("!null -> !null")
            public @Nullable String encode(@Nullable CharSequence raw) {
                return delegate.encode(raw);
            }

            @Override
            public boolean matches(@Nullable CharSequence raw, @Nullable String encoded) {
                Runnable observer = passwordCheckObserver;
                if (observer != null) {
                    observer.run();
                }
                if (raw == null || raw.toString().getBytes(StandardCharsets.UTF_8).length > PasswordPolicy.MAX_BYTES) {
                    return false;
                }
                return delegate.matches(raw, encoded);
            }

            @Override
            public boolean upgradeEncoding(@Nullable String encoded) {
                return delegate.upgradeEncoding(encoded);
            }
        };
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    @Bean
    AuthenticationManager authenticationManager(
            KhienUserDetailsService users, PasswordEncoder encoder, AuthenticationEventPublisher events) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http, ApiTokenService tokens, ProblemResponses problems, KhienProperties properties)
            throws Exception {
        http.securityMatcher("/api/**")
                .headers(h -> strictHeaders(h, properties))
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, "/api/v1/tokens")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .csrf(c -> c.disable()) // no cookies are honoured here: only bearer tokens
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(
                                (req, res, ex) -> problems.write(res, 401, "unauthenticated", "error.unauthenticated"))
                        .accessDeniedHandler(
                                (req, res, ex) -> problems.write(res, 403, "forbidden", "error.forbidden")))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(
            HttpSecurity http,
            MfaService mfa,
            KhienProperties properties,
            ObjectProvider<ClientRegistrationRepository> oidcClients,
            OidcPersonService oidcPeople,
            LoginThrottle throttle,
            @Value("${khien.api-docs.public:}") String apiDocsPublic)
            throws Exception {
        // The API description: public in development, signed-in only in production unless KHIEN_API_DOCS_PUBLIC=true.
        boolean docsPublic = apiDocsPublic == null || apiDocsPublic.isBlank()
                ? !properties.production()
                : Boolean.parseBoolean(apiDocsPublic.trim());
        http.authorizeHttpRequests(a -> {
                    a.requestMatchers(
                                    "/login",
                                    "/public/**",
                                    "/webjars/**",
                                    "/css/**",
                                    "/js/**",
                                    "/favicon.ico",
                                    "/error",
                                    "/actuator/health/**")
                            .permitAll();
                    if (docsPublic) {
                        a.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                                .permitAll();
                    }
                    a.anyRequest().authenticated();
                })
                .formLogin(f -> f.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(ThrottledSignInFilter.failureHandler())
                        .permitAll())
                .addFilterBefore(new ThrottledSignInFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .headers(h -> strictHeaders(h, properties))
                .addFilterAfter(new MfaGate(mfa), AuthorizationFilter.class);
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(o -> o.loginPage("/login").userInfoEndpoint(u -> u.oidcUserService(oidcPeople)));
        }
        return http.build();
    }
}
