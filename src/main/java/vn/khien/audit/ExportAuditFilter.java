package vn.khien.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.khien.access.CurrentPerson;
import vn.khien.access.PersonPrincipal;

/**
 * Records every document a person takes out of Khiên (spreadsheets, Word files, PDFs, CSV, catalogue
 * YAML), from any module, page or API, in one place: a successful response of a document type is an
 * export. Filed under the exporter's own organisation so their auditors see it.
 */
@Component
class ExportAuditFilter extends OncePerRequestFilter {

    static final List<String> DOCUMENT_TYPES = List.of(
            "application/vnd.openxmlformats-officedocument",
            "application/pdf",
            "text/csv",
            "application/yaml",
            "application/x-yaml",
            "application/zip");

    private final AuditTrail audit;
    private final JdbcClient jdbc;

    public ExportAuditFilter(AuditTrail audit, JdbcClient jdbc) {
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        PersonPrincipal person = CurrentPerson.principal().orElse(null);
        String type = response.getContentType();
        if (person == null || !"GET".equals(request.getMethod()) || response.getStatus() != 200 || !isDocument(type)) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("path", request.getRequestURI());
        if (request.getQueryString() != null) {
            details.put("query", request.getQueryString());
        }
        details.put("contentType", type);
        String disposition = response.getHeader("Content-Disposition");
        if (disposition != null) {
            details.put("disposition", disposition);
        }
        Long home = jdbc
                .sql("SELECT organization_id FROM role_grant WHERE user_id = :u ORDER BY id")
                .param("u", person.personId())
                .query(Long.class)
                .list()
                .stream()
                .findFirst()
                .orElse(null);
        audit.record(new AuditEntry("EXPORT", home, "document", request.getRequestURI(), details));
    }

    static boolean isDocument(String contentType) {
        return contentType != null && DOCUMENT_TYPES.stream().anyMatch(contentType::startsWith);
    }
}
