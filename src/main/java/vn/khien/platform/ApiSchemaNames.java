package vn.khien.platform;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json31;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One schema name per Java type in /v3/api-docs. The default names a schema by the type's simple name, so two bodies
 * called {@code CreateRequest} (incidents' and reports') or {@code CampaignRequest} (awareness' and hunting's) were one
 * schema, the last one read: the description of {@code POST /api/v1/incidents} showed the report's fields (issue 10,
 * eighth wave: a client generated from it sends a body the server ignores). A nested type is named with its enclosing
 * types ({@code IncidentServiceCreateRequest}); two top-level types of the same simple name get their module in front
 * of the second. Replaces springdoc's default resolver (same class, OpenAPI 3.1).
 */
@Configuration(proxyBeanMethods = false)
class ApiSchemaNames {

    @Bean
    ModelResolver distinctSchemaNames() {
        return new ModelResolver(Json31.mapper(), new DistinctNames()).openapi31(true);
    }

    static final class DistinctNames extends TypeNameResolver {

        private static final Logger LOG = LoggerFactory.getLogger(DistinctNames.class);

        private final Map<String, Class<?>> claimed = new ConcurrentHashMap<>();

        @Override
        protected String getNameOfClass(Class<?> cls) {
            String name = super.getNameOfClass(cls);
            if (cls.isArray() || cls.isPrimitive() || cls.getName().startsWith("java.")) {
                return name;
            }
            for (Class<?> outer = cls.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
                name = outer.getSimpleName() + name;
            }
            Class<?> owner = claimed.putIfAbsent(name, cls);
            if (owner != null && owner != cls) {
                String module = module(cls);
                LOG.info(
                        "Schema name {} of {} is taken by {}: named {}",
                        name,
                        cls.getName(),
                        owner.getName(),
                        module + name);
                name = module + name;
                claimed.putIfAbsent(name, cls);
            }
            return name;
        }

        /** "vn.khien.obligations.awareness" → "Obligations". */
        static String module(Class<?> cls) {
            String[] parts = cls.getPackageName().split("\\.");
            String m = parts.length > 2 ? parts[2] : parts[parts.length - 1];
            return m.isEmpty() ? "" : m.substring(0, 1).toUpperCase(Locale.ROOT) + m.substring(1);
        }
    }
}
