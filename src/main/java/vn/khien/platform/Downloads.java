package vn.khien.platform;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A file handed to the person: always an attachment, never sniffed. Its name travels twice (RFC 6266): an ASCII
 * fallback in {@code filename} (Vietnamese letters without their marks, words joined by hyphens:
 * "Bao-cao-tinh-hinh-Quy-IV-nam-2026-So-Y-te.docx") and the name as written, in UTF-8, in {@code filename*} (RFC 5987:
 * "Báo cáo tình hình Quý IV năm 2026 - Sở Y tế.docx"), which browsers prefer.
 */
public final class Downloads {
    private Downloads() {}

    public static ResponseEntity<byte[]> attachment(byte[] content, String fileName, @Nullable MediaType type) {
        return ResponseEntity.ok()
                .contentType(type == null ? MediaType.APPLICATION_OCTET_STREAM : type)
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName))
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    /** {@code attachment; filename="<ASCII>"; filename*=UTF-8''<percent-encoded UTF-8>}. */
    public static String contentDisposition(String fileName) {
        return "attachment; filename=\"" + ascii(fileName) + "\"; filename*=UTF-8''" + rfc5987(fileName);
    }

    /**
     * The name in ASCII letters for the {@code filename} fallback: marks dropped ("Sở" → "So", "đ" → "d"), every run of
     * other characters (spaces, punctuation, quotes, slashes) one hyphen, the extension kept.
     */
    public static String ascii(String name) {
        String plain = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        String out = plain.replaceAll("[^A-Za-z0-9._]+", "-")
                .replaceAll("-*\\.-*", ".")
                .replaceAll("^[-.]+|-+$", "");
        return out.isEmpty() ? "download" : out;
    }

    /** RFC 5987 value-chars: attr-char kept, every other byte of the UTF-8 name percent-encoded. */
    static String rfc5987(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
