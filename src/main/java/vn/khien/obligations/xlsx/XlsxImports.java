package vn.khien.obligations.xlsx;

import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khien.obligations.xlsx.TemplateSheet.Result;
import vn.khien.organizations.OrganizationRepository;
import vn.khien.platform.Downloads;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;

/**
 * What the obligations' XLSX imports (budget plans, training records, supplier tax codes) do alike around their own
 * reading: the template download, the page's upload (an empty upload refused as a problem of the file, a refusal
 * of the capability, every problem of a refused file by row and column, or how many rows were recorded, each
 * flashed for the page) and the API's answer (201 with the count and ids, or 422 naming each row and column). The
 * messages are the import's own: {@code <prefix>.empty}, {@code .done}, {@code .problem}.
 */
@Component
public class XlsxImports {

    /** The XLSX media type of the templates. */
    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** An import's reading and recording of a file's bytes, all or nothing. */
    @FunctionalInterface
    public interface Import {
        Result importFile(byte[] bytes);
    }

    private final OrganizationRepository organizations;
    private final MessageSource messages;

    XlsxImports(OrganizationRepository organizations, MessageSource messages) {
        this.organizations = organizations;
        this.messages = messages;
    }

    /** The template as a download of this name. */
    public static ResponseEntity<byte[]> template(byte[] template, String fileName) {
        return Downloads.attachment(template, fileName, XLSX);
    }

    /**
     * Runs a page's upload into an organisation and flashes its outcome: {@code message} (recorded), {@code
     * importProblems} (refused, the problems by row and column) or, under {@code refusalAttribute}, the message of a
     * refused capability. An organisation the caller cannot see is not found, whatever the file.
     */
    public void upload(
            long organizationId,
            @Nullable MultipartFile file,
            String messagePrefix,
            String refusalAttribute,
            RedirectAttributes redirect,
            Import importer)
            throws IOException {
        if (organizations.findVisible(organizationId).isEmpty()) {
            throw new NotFoundException("organization");
        }
        Result result;
        try {
            result = file == null || file.isEmpty()
                    ? Result.refused(List.of(TemplateSheet.fileProblem("", text(messagePrefix + ".empty"))))
                    : importer.importFile(file.getBytes());
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute(refusalAttribute, text(e.messageKey()));
            return;
        }
        if (result.ok()) {
            redirect.addFlashAttribute("message", text(messagePrefix + ".done", result.imported()));
        } else {
            redirect.addFlashAttribute("importProblems", result.problems());
        }
    }

    /**
     * The API's answer to an uploaded file: 201 with how many rows were recorded and their ids; a refused file
     * throws the field problems (422, problem+json) named {@code rows[N].field}, nothing recorded.
     */
    public static ResponseEntity<ImportedRows> answer(Result result, String messagePrefix) {
        if (!result.ok()) {
            throw new FieldProblemException(result.asFieldProblems(messagePrefix + ".problem"));
        }
        return ResponseEntity.status(201).body(new ImportedRows(result.imported(), result.ids()));
    }

    /** What an API import recorded. */
    public record ImportedRows(int imported, List<Long> ids) {}

    private String text(String key, Object... args) {
        String text = messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
        return text == null ? key : text;
    }
}
