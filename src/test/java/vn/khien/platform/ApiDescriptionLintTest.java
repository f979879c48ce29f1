package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.support.IntegrationTest;

/**
 * Lints /v3/api-docs with the rules of Redocly's "recommended" set that generated clients depend on (no npm linter
 * runs offline here): security-defined, operation-summary, operation-operationId (+ unique, url-safe),
 * info-license (+ url), operation-2xx-response, operation-4xx-response, path-parameters-defined, no-empty-servers.
 * Any violation is listed; the description must have none.
 */
class ApiDescriptionLintTest extends IntegrationTest {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    @Test
    void theApiDescriptionPassesTheRecommendedRules() {
        JsonNode doc = http.api(null).get("/v3/api-docs").json();
        List<String> problems = lint(doc);
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
        assertThat(doc.get("paths").size()).isGreaterThan(20);
    }

    static List<String> lint(JsonNode doc) {
        List<String> problems = new ArrayList<>();
        JsonNode license = doc.path("info").path("license");
        if (license.path("name").asString("").isBlank()) {
            problems.add("info-license: no licence");
        }
        if (license.path("url").asString("").isBlank()) {
            problems.add("info-license-url: no licence url");
        }
        JsonNode schemes = doc.path("components").path("securitySchemes");
        JsonNode globalSecurity = doc.path("security");
        if (doc.has("servers") && doc.get("servers").isEmpty()) {
            problems.add("no-empty-servers");
        }
        Set<String> ids = new HashSet<>();
        Pattern param = Pattern.compile("\\{([^}]+)}");
        for (var path : doc.path("paths").properties()) {
            for (var m : path.getValue().properties()) {
                if (!METHODS.contains(m.getKey())) {
                    continue;
                }
                String where = m.getKey().toUpperCase() + " " + path.getKey();
                JsonNode op = m.getValue();
                JsonNode security = op.has("security") ? op.get("security") : globalSecurity;
                if (security.isMissingNode() || security.isNull()) {
                    problems.add("security-defined: " + where);
                } else {
                    for (JsonNode requirement : security) {
                        for (var name : requirement.propertyNames()) {
                            if (!schemes.has(name)) {
                                problems.add("security-defined: " + where + " uses undeclared scheme " + name);
                            }
                        }
                    }
                    boolean open = security.isEmpty();
                    if (open != ApiDescription.PUBLIC_OPERATIONS.contains(where)) {
                        problems.add(
                                "security: " + where + (open ? " is public" : " requires a token") + " unexpectedly");
                    }
                }
                if (op.path("summary").asString("").isBlank()) {
                    problems.add("operation-summary: " + where);
                }
                String id = op.path("operationId").asString("");
                if (id.isBlank()) {
                    problems.add("operation-operationId: " + where);
                } else if (!ids.add(id)) {
                    problems.add("operation-operationId-unique: " + where + " " + id);
                } else if (!id.matches("[A-Za-z0-9_.-]+")) {
                    problems.add("operation-operationId-url-safe: " + where + " " + id);
                }
                Set<String> codes = new HashSet<>();
                op.path("responses").propertyNames().forEach(codes::add);
                if (codes.stream().noneMatch(c -> c.startsWith("2") || c.startsWith("3") || c.equals("default"))) {
                    problems.add("operation-2xx-response: " + where);
                }
                if (codes.stream().noneMatch(c -> c.startsWith("4"))) {
                    problems.add("operation-4xx-response: " + where);
                }
                Set<String> declared = new HashSet<>();
                for (JsonNode p : op.path("parameters")) {
                    if ("path".equals(p.path("in").asString(""))) {
                        declared.add(p.path("name").asString(""));
                    }
                }
                for (JsonNode p : path.getValue().path("parameters")) {
                    if ("path".equals(p.path("in").asString(""))) {
                        declared.add(p.path("name").asString(""));
                    }
                }
                Matcher matcher = param.matcher(path.getKey());
                while (matcher.find()) {
                    if (!declared.contains(matcher.group(1))) {
                        problems.add("path-parameters-defined: " + where + " {" + matcher.group(1) + "}");
                    }
                }
            }
        }
        return problems;
    }
}
