package vn.khien.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against the running server: an API client with a bearer token, and a cookie-keeping browser-like session. */
public class Http {
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;

    public Http(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    public record Response(int status, String body, HttpResponse<String> raw) {
        /** The body without the problem's request id, which differs for every request (for comparing two answers). */
        public String bodyWithoutRequestId() {
            return body.replaceAll("\"requestId\":\"[^\"]*\"", "\"requestId\":\"\"");
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Api api(String token) {
        return new Api(token);
    }

    public Session session() {
        return new Session();
    }

    public class Api {
        private final HttpClient client = HttpClient.newHttpClient();
        private final String token;

        Api(String token) {
            this.token = token;
        }

        public Response get(String path) {
            return send(builder(path).GET());
        }

        public Response post(String path, Object body) {
            return send(builder(path)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            body instanceof String s ? s : JSON.writeValueAsString(body))));
        }

        public Response patch(String path, Object body) {
            return send(builder(path)
                    .header("Content-Type", "application/json")
                    .method(
                            "PATCH",
                            HttpRequest.BodyPublishers.ofString(
                                    body instanceof String s ? s : JSON.writeValueAsString(body))));
        }

        public Response send(String method, String path, Object body) {
            HttpRequest.BodyPublisher p = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
            return send(builder(path).header("Content-Type", "application/json").method(method, p));
        }

        /** multipart/form-data POST: one file part plus plain fields. */
        public Response upload(String path, String fileName, byte[] content, Map<String, String> fields) {
            String boundary = "----khien" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try {
                for (Map.Entry<String, String> f : fields.entrySet()) {
                    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                                    + "\"\r\n\r\n" + f.getValue() + "\r\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
                if (content != null) {
                    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                                    + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
                    body.write(content);
                    body.write("\r\n".getBytes(StandardCharsets.UTF_8));
                }
                body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return send(builder(path)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        }

        private HttpRequest.Builder builder(String path) {
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "vi");
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return b;
        }

        private Response send(HttpRequest.Builder b) {
            try {
                HttpResponse<String> r =
                        client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Response(r.statusCode(), r.body(), r);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Form sign-in with cookies and CSRF tokens, as a browser without JavaScript would do it. */
    public class Session {
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private String lastCsrf;

        public Response get(String path) {
            Response r = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                lastCsrf = m.group(1);
            }
            return r;
        }

        /** Posts a form with the CSRF token of the last page fetched (fetching {@code csrfFrom} first if given). */
        public Response postForm(String path, Map<String, String> fields) {
            if (lastCsrf == null) {
                get("/login");
            }
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", lastCsrf);
            String form = all.entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        /** Posts a form whose fields may repeat (checkbox lists: {@code ids=1&ids=2}), with the last CSRF token. */
        public Response postForm(String path, List<Map.Entry<String, String>> fields) {
            if (lastCsrf == null) {
                get("/login");
            }
            List<Map.Entry<String, String>> all = new ArrayList<>(fields);
            all.add(Map.entry("_csrf", lastCsrf));
            String form = all.stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        /** Posts a multipart form (one file part plus plain fields) with the last CSRF token, as a browser would. */
        public Response upload(String path, String fileName, byte[] content, Map<String, String> fields) {
            if (lastCsrf == null) {
                get("/login");
            }
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", lastCsrf);
            String boundary = "----khien" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try {
                for (Map.Entry<String, String> f : all.entrySet()) {
                    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                                    + "\"\r\n\r\n" + f.getValue() + "\r\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.write(content);
                body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        }

        public Response login(String username, String password) {
            get("/login");
            return postForm("/login", Map.of("username", username, "password", password));
        }

        private Response send(HttpRequest.Builder b) {
            try {
                HttpResponse<String> r = client.send(
                        b.header("Accept-Language", "vi")
                                .header("Accept", "text/html,application/xhtml+xml")
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Response(r.statusCode(), r.body(), r);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
