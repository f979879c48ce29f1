package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.OpenApiOperations;
import vn.khien.support.RowCounts;
import vn.khien.support.TestData;

/**
 * A generated fuzz of every operation in /v3/api-docs (issue 10): for each operation, a body built from its schema
 * (valid shapes) and mutations of it (wrong types, nulls, huge and control-character strings, duplicate keys, broken
 * JSON), odd path and query parameters, odd headers (Accept, Content-Type). Seeded, so a failure replays; about a
 * minute. The caller is the administrator of a fresh organisation (what it may change is its own) and, for every
 * operation, nobody. Fails on any 5xx and on any error answer that is not problem+json.
 */
class ApiFuzzingTest extends IntegrationTest {

    static final long SEED = Long.getLong("khien.fuzz.seed", 20261206L);
    static final int PER_OPERATION = Integer.getInteger("khien.fuzz.per-operation", 8);
    static final String[] ODD_IDS = {
        "0",
        "-1",
        "9223372036854775807",
        "99999999999999999999",
        "abc",
        "1.5",
        "%00",
        "%ff",
        "%2e%2e",
        "1;x=1",
        "%20",
        "%27%20OR%201%3D1%20--"
    };
    static final String[] ODD_STRINGS = {
        "",
        " ",
        "\u0000",
        "a\u0001b",
        "<script>",
        "%",
        "x".repeat(5000),
        "'; DROP TABLE x; --",
        "\uD800",
        "ễ".repeat(300),
        "null",
        "{}",
        "../../etc/passwd"
    };

    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void noOperationAnswers5xxOrANonProblemError() throws Exception {
        TestData.Org org = data.org(data.root(), "Đơn vị thử mờ");
        TestData.Person admin = data.person(org, Role.ORG_ADMIN);
        data.grant(admin.id(), org, Role.SECURITY_OFFICER);
        data.grant(admin.id(), org, Role.LEADER);
        JsonNode docs = http.api(null).get("/v3/api-docs").json();
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (OpenApiOperations.Operation operation : new OpenApiOperations(docs).all()) {
            String method = operation.method();
            JsonNode op = operation.op();
            for (int i = 0; i < PER_OPERATION; i++) {
                String token = i == PER_OPERATION - 1 ? null : admin.token();
                String uri = fill(operation.path(), op, org.id(), random, i);
                String contentType = contentTypeOf(op);
                String body = contentType == null ? null : body(docs, op, random, i);
                HttpRequest.Builder b;
                try {
                    b = HttpRequest.newBuilder(URI.create(http.base() + uri)).timeout(Duration.ofSeconds(60));
                } catch (IllegalArgumentException e) {
                    continue; // a URI the client refuses to send
                }
                if (token != null) {
                    b.header("Authorization", "Bearer " + token);
                }
                if (i % 4 == 3) {
                    b.header("Accept", random.nextBoolean() ? "text/html" : "application/xml");
                }
                if (body != null) {
                    String ct = i % 5 == 4 ? "text/plain" : contentType;
                    b.header("Content-Type", ct);
                    b.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
                } else {
                    b.method(method, HttpRequest.BodyPublishers.noBody());
                }
                HttpRequest request;
                try {
                    request = b.build();
                } catch (IllegalArgumentException e) {
                    continue; // a URI the client refuses to send
                }
                HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                sent++;
                String type = r.headers().firstValue("Content-Type").orElse("");
                if (r.statusCode() >= 500 || (r.statusCode() >= 400 && !type.startsWith("application/problem+json"))) {
                    failures.add(method + " " + uri + " [" + (body == null ? "" : cut(body)) + "] → " + r.statusCode()
                            + " " + type + " " + cut(r.body()));
                }
            }
        }
        assertThat(sent).isGreaterThan(100);
        assertThat(failures)
                .as("seed " + SEED + ", " + sent + " requests:\n" + String.join("\n", failures))
                .isEmpty();
    }

    /**
     * Every field of every JSON body, one at a time (issue 10, eighth wave): NUL and other control characters, one
     * character over its declared maximum length (and 1 MB once per body), an unknown enum value, an out-of-range date, a number over 64 bits; and per body: broken JSON, an empty body, the
     * wrong content type. Each must be a 4xx problem+json (a 400/422 naming the field it is about), and an operation
     * whose hostile requests were all refused must have written nothing (the row count of every table is unchanged).
     * Driven by /v3/api-docs: a new operation is covered without editing this test.
     */
    @Test
    void everyFieldOfEveryBodyRefusesHostileValues() {
        TestData.Org org = data.org(data.root(), "Đơn vị thử trường");
        TestData.Person admin = data.person(org, Role.ORG_ADMIN);
        data.grant(admin.id(), org, Role.SECURITY_OFFICER);
        data.grant(admin.id(), org, Role.LEADER);
        OpenApiOperations api =
                new OpenApiOperations(http.api(null).get("/v3/api-docs").json());
        RowCounts rows = new RowCounts(data.jdbc());
        List<String> failures = new ArrayList<>();
        List<String> unreached = new ArrayList<>();
        int sent = 0;
        long started = System.nanoTime();
        for (OpenApiOperations.Operation op : api.all()) {
            if (op.multipart()) {
                String uri = op.path(String.valueOf(org.id()));
                Map<String, Long> before = rows.read();
                boolean wrote = false;
                for (Upload u : uploads(api, op)) {
                    Http.Response r = multipart(op.method(), uri, u, admin.token());
                    sent++;
                    wrote |= judge(op.key() + " " + u.what(), r, u.field(), failures, unreached);
                }
                if (!wrote) {
                    Map<String, String> changed = RowCounts.changes(before, rows.read());
                    if (!changed.isEmpty()) {
                        failures.add("half-written: " + op.key() + " refused every upload but changed " + changed);
                    }
                }
                continue;
            }
            if (!op.jsonBody()) {
                continue;
            }
            String uri = op.path(String.valueOf(org.id()));
            JsonNode valid = api.valid(op.bodySchema(), name -> "Giá trị thử", name -> null);
            Map<String, Long> before = rows.read();
            boolean wrote = false;
            List<Probe> probes = new ArrayList<>();
            probes.add(new Probe(
                    "broken JSON", "application/json", valid.toString().replaceFirst("}$", ","), null));
            probes.add(new Probe("empty body", "application/json", "", null));
            probes.add(new Probe("text/plain", "text/plain", valid.toString(), null));
            boolean megabyteSent = false;
            for (OpenApiOperations.Field f : api.fields(op.bodySchema())) {
                List<Object> hostiles = new ArrayList<>(hostileValues(f));
                if (isText(f) && !megabyteSent) {
                    hostiles.add("x".repeat(MEGABYTE + 1)); // once per body: the parser's ceiling
                    megabyteSent = true;
                }
                for (Object hostile : hostiles) {
                    probes.add(new Probe(
                            f.name() + "=" + cut(String.valueOf(hostile)).replace("\u0000", "\\u0000"),
                            "application/json",
                            OpenApiOperations.with(valid, f.path(), hostile).toString(),
                            f));
                }
            }
            for (Probe p : probes) {
                Http.Response r = send(op.method(), uri, p.contentType(), p.body(), admin.token());
                sent++;
                wrote |= judge(op.key() + " " + p.what(), r, p.field(), failures, unreached);
            }
            if (!wrote) {
                Map<String, String> changed = RowCounts.changes(before, rows.read());
                if (!changed.isEmpty()) {
                    failures.add("half-written: " + op.key() + " refused every probe but changed " + changed);
                }
            }
        }
        System.out.printf(
                "ApiFuzzingTest: %d field probes in %d s; %d not reached (403/404 before the body)%n%s%n",
                sent, (System.nanoTime() - started) / 1_000_000_000L, unreached.size(), String.join("\n", unreached));
        assertThat(sent).isGreaterThan(500);
        assertThat(failures)
                .as(failures.size() + " of " + sent + " field probes:\n" + String.join("\n", failures))
                .isEmpty();
    }

    /** A multipart request: form fields, and a file part (name, file name, content type, bytes) or none. */
    record Upload(
            String what,
            Map<String, String> fields,
            String filePart,
            String fileName,
            String fileType,
            byte[] bytes,
            OpenApiOperations.Field field) {}

    static final int UPLOAD_TOO_LARGE = 25 << 20;

    /**
     * For an upload: a file of the wrong type (zero bytes named .exe), an oversized file (25 MB), a control character in
     * each text field, a file part missing; the other fields plausible.
     */
    static List<Upload> uploads(OpenApiOperations api, OpenApiOperations.Operation op) {
        Map<String, String> plain = new LinkedHashMap<>();
        String filePart = null;
        List<OpenApiOperations.Field> texts = new ArrayList<>();
        for (OpenApiOperations.Field f : api.fields(op.bodySchema())) {
            if (f.path().size() != 1) {
                continue;
            }
            if ("binary".equals(f.format())) {
                filePart = f.leaf();
            } else if (f.isEnum()) {
                plain.put(f.leaf(), f.schema().get("enum").get(0).asString());
            } else {
                plain.put(
                        f.leaf(),
                        switch (f.type()) {
                            case "integer", "number" -> "1";
                            case "boolean" -> "false";
                            default -> "date".equals(f.format()) ? "2026-06-01" : "Giá trị thử";
                        });
                if ("string".equals(f.type()) && f.format().isEmpty()) {
                    texts.add(f);
                }
            }
        }
        String part = filePart == null ? "file" : filePart;
        List<Upload> out = new ArrayList<>();
        out.add(new Upload(
                "wrong file type", plain, part, "x.exe", "application/x-msdownload", new byte[64 * 1024], null));
        byte[] big = new byte[UPLOAD_TOO_LARGE];
        new Random(SEED).nextBytes(big);
        out.add(new Upload("25 MB file", plain, part, "big.pdf", "application/pdf", big, null));
        for (OpenApiOperations.Field f : texts) {
            for (String hostile : List.of("a\u0000b", "a\u001bb")) {
                Map<String, String> fields = new LinkedHashMap<>(plain);
                fields.put(f.leaf(), hostile);
                out.add(new Upload(
                        f.leaf() + "=control character",
                        fields,
                        part,
                        "a.pdf",
                        "application/pdf",
                        "%PDF-1.4\n".getBytes(StandardCharsets.UTF_8),
                        f));
            }
        }
        return out;
    }

    Http.Response multipart(String method, String uri, Upload u, String token) {
        String boundary = "----khienprobe" + Long.toHexString(SEED);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> f : u.fields().entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                                + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + f.getValue() + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + u.filePart()
                            + "\"; filename=\"" + u.fileName() + "\"\r\nContent-Type: " + u.fileType() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(u.bytes());
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.base() + uri))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token)
                .header("Accept-Language", "vi")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Http.Response(r.statusCode(), r.body(), r);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(method + " " + uri, e);
        }
    }

    /**
     * A hostile request's answer: accepted (a finding; true: something may have been written), a 5xx or a non-problem
     * (findings), 403/404 (not reached: refused before the body was read), a 400/422 that does not name the field.
     */
    static boolean judge(
            String request,
            Http.Response r,
            OpenApiOperations.Field field,
            List<String> failures,
            List<String> unreached) {
        String type = String.valueOf(r.header("Content-Type"));
        String what = request + " → " + r.status() + " " + type + " " + cut(r.body());
        if (r.status() < 400) {
            failures.add("accepted: " + what);
            return true;
        }
        if (r.status() >= 500 || !type.startsWith("application/problem+json")) {
            failures.add(what);
        } else if (r.status() == 403 || r.status() == 404) {
            unreached.add(what);
        } else if (field != null && (r.status() == 400 || r.status() == 422) && !names(r, field)) {
            failures.add("field not named: " + what);
        }
        return false;
    }

    record Probe(String what, String contentType, String body, OpenApiOperations.Field field) {}

    /** What a field of this kind must refuse. */
    static List<Object> hostileValues(OpenApiOperations.Field f) {
        if (f.isEnum()) {
            return List.of("NO_SUCH_VALUE");
        }
        return switch (f.type()) {
            case "integer" -> List.of(new BigInteger("99999999999999999999"));
            case "number", "boolean", "object", "array" -> List.of();
            default ->
                switch (f.format()) {
                    case "date" -> List.of("+99999-01-01", "0001-01-01");
                    case "date-time" -> List.of("+99999-01-01T00:00:00Z");
                    case "binary", "byte" -> List.of();
                    default ->
                        f.schema().has("maxLength")
                                ? List.of(
                                        "a\u0000b",
                                        "a\u001bb",
                                        "x".repeat(f.schema().get("maxLength").asInt() + 1))
                                : List.of("a\u0000b", "a\u001bb");
                };
        };
    }

    static boolean isText(OpenApiOperations.Field f) {
        return !f.isEnum() && "string".equals(f.type()) && f.format().isEmpty();
    }

    static final int MEGABYTE = 1 << 20;

    /** The problem names the field (its full path, or its last name where the API reports that). */
    static boolean names(Http.Response r, OpenApiOperations.Field f) {
        JsonNode errors = r.json().path("errors");
        String full = f.name().replaceAll("\\[\\d+]", "");
        for (JsonNode e : errors) {
            String named = e.path("field").asString("").replaceAll("\\[\\d+]", "");
            if (named.equals(full) || named.endsWith("." + f.leaf()) || named.equals(f.leaf())) {
                return true;
            }
        }
        return false;
    }

    Http.Response send(String method, String uri, String contentType, String body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.base() + uri))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Accept-Language", "vi")
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Http.Response(r.statusCode(), r.body(), r);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(method + " " + uri, e);
        }
    }

    static String cut(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    static String contentTypeOf(JsonNode op) {
        JsonNode content = op.path("requestBody").path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return null;
        }
        Iterator<String> names = content.propertyNames().iterator();
        return names.hasNext() ? names.next() : null;
    }

    /** Path variables: an id of the caller's organisation or a neighbour first, then odd values. */
    static String fill(String template, JsonNode op, long orgId, Random random, int i) {
        String path = template;
        while (path.contains("{")) {
            int a = path.indexOf('{');
            int b = path.indexOf('}', a);
            String value = i < 2 ? String.valueOf(orgId + i) : i < 3 ? "1" : ODD_IDS[random.nextInt(ODD_IDS.length)];
            path = path.substring(0, a) + value + path.substring(b + 1);
        }
        StringBuilder query = new StringBuilder();
        for (JsonNode p : op.path("parameters")) {
            if (!"query".equals(p.path("in").asString("")) || random.nextInt(3) == 0) {
                continue;
            }
            String v = i < 2
                    ? sample(p.path("schema"), random)
                    : urlEncode(ODD_STRINGS[random.nextInt(ODD_STRINGS.length)]);
            query.append(query.isEmpty() ? "?" : "&")
                    .append(p.path("name").asString(""))
                    .append('=')
                    .append(v);
        }
        return path + query;
    }

    static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String sample(JsonNode schema, Random random) {
        String type = schema.path("type").asString("string");
        if (schema.has("enum")) {
            return schema.get("enum")
                    .get(random.nextInt(schema.get("enum").size()))
                    .asString();
        }
        return switch (type) {
            case "integer" -> String.valueOf(random.nextInt(5));
            case "number" -> "1.5";
            case "boolean" -> String.valueOf(random.nextBoolean());
            default -> "date".equals(schema.path("format").asString("")) ? "2026-01-01" : "a";
        };
    }

    /** A body from the schema (i = 0, 1), then mutations. */
    static String body(JsonNode docs, JsonNode op, Random random, int i) {
        JsonNode content = op.path("requestBody").path("content");
        JsonNode schema = content.isEmpty()
                ? null
                : content.properties().iterator().next().getValue().path("schema");
        String ct = contentTypeOf(op);
        if (ct != null && !ct.contains("json")) {
            return i % 2 == 0 ? "a: b\n" : "\u0000".repeat(10);
        }
        JsonNode valid = Http.JSON.valueToTree(value(docs, schema, random, 0));
        return switch (i % 8) {
            case 0, 1 -> valid.toString();
            case 2 -> mutate(valid, random).toString();
            case 3 -> "{\"a\":1,\"a\":2}";
            case 4 -> valid.toString().replace("}", ",");
            case 5 -> "[]";
            case 6 -> mutate(mutate(valid, random), random).toString();
            default -> "null";
        };
    }

    static JsonNode mutate(JsonNode node, Random random) {
        if (!(node instanceof ObjectNode o) || o.isEmpty()) {
            return Http.JSON.valueToTree(Map.of("x", ODD_STRINGS[random.nextInt(ODD_STRINGS.length)]));
        }
        List<String> names = new ArrayList<>(o.propertyNames());
        String name = names.get(random.nextInt(names.size()));
        Object replacement = switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> ODD_STRINGS[random.nextInt(ODD_STRINGS.length)];
            case 2 -> 7.5;
            case 3 -> Long.MAX_VALUE;
            case 4 -> List.of(1, 2);
            default -> Map.of("nested", true);
        };
        o.set(name, Http.JSON.valueToTree(replacement));
        return o;
    }

    static Object value(JsonNode docs, JsonNode schema, Random random, int depth) {
        if (schema == null || schema.isMissingNode() || depth > 4) {
            return null;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            return value(docs, docs.at(ref.substring(1)), random, depth + 1);
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                Map<String, Object> o = new LinkedHashMap<>();
                for (var p : schema.path("properties").properties()) {
                    o.put(p.getKey(), value(docs, p.getValue(), random, depth + 1));
                }
                return o;
            }
            case "array" -> {
                return List.of(value(docs, schema.path("items"), random, depth + 1)).stream()
                        .filter(Objects::nonNull)
                        .toList();
            }
            case "integer" -> {
                return (long) random.nextInt(3) + 1;
            }
            case "number" -> {
                return 1.0;
            }
            case "boolean" -> {
                return random.nextBoolean();
            }
            default -> {
                String format = schema.path("format").asString("");
                return switch (format) {
                    case "date" -> "2026-06-01";
                    case "date-time" -> "2026-06-01T00:00:00Z";
                    case "byte" -> "aGVsbG8=";
                    case "email" -> "a@b.vn";
                    default -> "Giá trị thử";
                };
            }
        }
    }
}
