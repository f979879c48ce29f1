package vn.khien.platform;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * X-Forwarded-For / -Proto / -Port are believed only from the proxies listed in {@code KHIEN_TRUSTED_PROXIES}
 * (comma-separated IP addresses; none by default, where Tomcat would trust every private address), so a client cannot
 * choose the address written to the audit trail. X-Forwarded-Host is never used, and redirects are relative, so no
 * header can make Khiên redirect to another site. Runs after Spring Boot's own Tomcat customizer.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final String trusted;

    public TrustedProxies(@Value("${khien.trusted-proxies:}") String trusted) {
        this.trusted = trusted == null ? "" : trusted.trim();
    }

    /** The regex RemoteIpValve matches remote addresses against: exactly the listed addresses, or none. */
    static String regexOf(String list) {
        return Arrays.stream(list.split("[,\\s]+"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> context.setUseRelativeRedirects(true));
        String regex = regexOf(trusted);
        factory.getEngineValves().stream()
                .filter(RemoteIpValve.class::isInstance)
                .map(RemoteIpValve.class::cast)
                .forEach(valve -> {
                    valve.setInternalProxies(regex.isEmpty() ? "" : "^(?:" + regex + ")$");
                    valve.setTrustedProxies(null);
                    valve.setHostHeader(null);
                    valve.setChangeLocalName(false);
                });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
