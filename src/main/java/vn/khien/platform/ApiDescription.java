package vn.khien.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description a generated client can use: the bearer-token scheme declared and required everywhere except
 * the public operations (asking for a token), a summary and an operationId on every operation, a 4xx answer
 * (problem+json) on every operation, and the licence. {@code ApiDescriptionLintTest} checks these rules.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    public static final String BEARER = "bearerToken";
    /** Operations anyone may call (method and path as in the description). */
    public static final Set<String> PUBLIC_OPERATIONS = Set.of("POST /api/v1/tokens");

    @Bean
    OpenAPI khienOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Khiên API")
                        .version("v1")
                        .description("Quản lý an toàn hệ thống thông tin theo cấp độ (NĐ 85/2016, TT 12/2022). "
                                + "Errors are application/problem+json (RFC 9457).")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A personal API token (POST /api/v1/tokens), sent as "
                                                + "\"Authorization: Bearer khn_…\"")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OpenApiCustomizer khienOperationRules() {
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                        String key = method.name() + " " + path;
                        if (PUBLIC_OPERATIONS.contains(key)) {
                            op.setSecurity(List.of()); // explicitly none
                        } else if (op.getSecurity() == null || op.getSecurity().isEmpty()) {
                            op.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
                        }
                        if (op.getSummary() == null || op.getSummary().isBlank()) {
                            op.setSummary(summaryOf(method, path, op));
                        }
                        ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
                        if (responses.keySet().stream().noneMatch(c -> c.startsWith("4"))) {
                            responses.addApiResponse(
                                    "400", problem("The request is invalid (problem+json naming the field)"));
                        }
                        if (!PUBLIC_OPERATIONS.contains(key) && !responses.containsKey("401")) {
                            responses.addApiResponse("401", problem("No valid bearer token"));
                        }
                        op.setResponses(responses);
                    }));
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<Map<String, Object>>().type("object"))));
    }

    /** "listFindingsOfSystem" → "List findings of system" when nothing better was written. */
    static String summaryOf(PathItem.HttpMethod method, String path, Operation op) {
        String id = op.getOperationId();
        if (id == null || id.isBlank()) {
            return method.name() + " " + path;
        }
        String words = id.replaceAll("_\\d+$", "")
                .replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
