package vn.khien.audit;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.platform.DateDisplay;
import vn.khien.platform.PlatformConfiguration;

/**
 * Renders audit records for people: each action in words, the target by its kind, the client address in words when
 * it is the server itself, and the details as a list of fields with their value before and after (dates dd/MM/yyyy).
 * Used by the audit page as {@code ${@auditView...}}.
 */
@Component("auditView")
class AuditView {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final Pattern ISO_INSTANT =
            Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?$");

    private final MessageSource messages;

    public AuditView(MessageSource messages) {
        this.messages = messages;
    }

    /** One line of a record's details: a field, its value before (or null) and after. */
    public record Change(
            String field,
            String label,
            @Nullable String before,
            @Nullable String after,
            boolean changed) {}

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    public String action(String code) {
        return text("audit.act." + code, humanise(code));
    }

    public String target(String type, String id) {
        if (type == null) {
            return "";
        }
        String label = text("audit.type." + type, humanise(type));
        return id == null ? label : label + " " + text("audit.number", "#") + id;
    }

    public String address(String ip) {
        if (ip == null || ip.isBlank()) {
            return "";
        }
        if (ip.equals("0:0:0:0:0:0:0:1") || ip.equals("::1") || ip.startsWith("127.")) {
            return Objects.requireNonNullElse(
                    messages.getMessage("audit.localAddress", new Object[] {ip}, ip, LocaleContextHolder.getLocale()),
                    ip);
        }
        return ip;
    }

    public List<Change> changes(String details) {
        List<Change> out = new ArrayList<>();
        if (details == null || details.isBlank()) {
            return out;
        }
        JsonNode root;
        try {
            root = JSON.readTree(details);
        } catch (RuntimeException e) {
            out.add(new Change("", "", null, details, false));
            return out;
        }
        if (root == null || !root.isObject()) {
            out.add(new Change("", "", null, value(root), false));
            return out;
        }
        JsonNode before = root.get("before");
        JsonNode after = root.get("after");
        if ((before != null && before.isObject()) || (after != null && after.isObject())) {
            Set<String> fields = new LinkedHashSet<>();
            names(before, fields);
            names(after, fields);
            for (String f : fields) {
                String b = before == null || !before.isObject() ? null : value(before.get(f));
                String a = after == null || !after.isObject() ? null : value(after.get(f));
                boolean changed = !Objects.equals(b, a);
                if (changed || before == null || !before.isObject()) {
                    out.add(new Change(f, label(f), b, a, changed && b != null));
                }
            }
            root.properties().forEach(e -> {
                if (!e.getKey().equals("before") && !e.getKey().equals("after")) {
                    out.add(new Change(e.getKey(), label(e.getKey()), null, value(e.getValue()), false));
                }
            });
            return out;
        }
        root.properties()
                .forEach(e -> out.add(new Change(e.getKey(), label(e.getKey()), null, value(e.getValue()), false)));
        return out;
    }

    private static void names(JsonNode node, Set<String> into) {
        if (node != null && node.isObject()) {
            Iterator<String> it = node.propertyNames().iterator();
            it.forEachRemaining(into::add);
        }
    }

    private String label(String field) {
        return text("audit.field." + field, humanise(field));
    }

    private @Nullable String value(@Nullable JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isBoolean()) {
            return text(node.booleanValue() ? "common.yes" : "common.no", node.asString());
        }
        if (node.isNumber()) {
            return NumberFormat.getIntegerInstance(locale()).format(node.longValue());
        }
        if (node.isString()) {
            String v = node.asString();
            if ("null".equals(v)) {
                return null;
            }
            // a coded value (a status, a kind, a role) reads as its words where the trail knows them
            return CODE.matcher(v).matches() ? text("audit.value." + v, v) : date(v);
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(n -> items.add(value(n)));
            return String.join(", ", items);
        }
        List<String> items = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            items.add(label(e.getKey()) + ": " + value(e.getValue()));
        }
        return String.join("; ", items);
    }

    private static String date(String s) {
        try {
            if (ISO_DATE.matcher(s).matches()) {
                return DateDisplay.DATE.format(LocalDate.parse(s));
            }
            if (ISO_INSTANT.matcher(s).matches()) {
                return DateDisplay.DATE_TIME.format(
                        OffsetDateTime.parse(s).atZoneSameInstant(PlatformConfiguration.ZONE));
            }
        } catch (DateTimeParseException e) {
            return s;
        }
        return s;
    }

    /** riskExpiresOn → "risk expires on"; scan.import → "scan import": readable even without a label. */
    private static String humanise(String code) {
        return code.replaceAll("([a-z])([A-Z])", "$1 $2")
                .replace('_', ' ')
                .replace('.', ' ')
                .toLowerCase();
    }

    private String text(String key, String fallback) {
        return Objects.requireNonNullElse(
                messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale()), fallback);
    }

    private static Locale locale() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? Locale.UK : Locale.forLanguageTag("vi-VN");
    }
}
