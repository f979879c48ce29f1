package vn.khien.platform;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateTimeDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Strict JSON binding for every request body: a duplicate key is refused (not "last wins"), {@code 7.5} is not the
 * id 7, a number is not a date and a string is not a number, a date lies in {@link DateRange}, and no string may carry
 * a control character (NUL included; tab and line breaks are allowed) nor exceed {@value #MAX_STRING} characters
 * unless its field declares a larger {@code @Size} (each field's own limit, matching its column, is its {@code @Size}). Violations are 400s naming the field
 * ({@link ApiProblemHandler}).
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    /** Ceiling for a JSON string whose field declares no larger @Size; fields have their own smaller @Size. */
    public static final int MAX_STRING = 1_000_000;

    /**
     * The parser's ceiling: a field may declare a {@code @Size} up to this (the base64 of a 20 MB signed file). Before,
     * the parser refused any string over 1,000,000 characters, so a dossier's declared 20 MB signed decision could
     * never arrive (issue 10, eighth wave). Larger declared sizes are capped here.
     */
    public static final int MAX_DECLARED = 28_000_000;

    @Bean
    JsonMapperBuilderCustomizer strictJsonBinding() {
        return builder -> {
            builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
            builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
            builder.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
            builder.withCoercionConfig(
                    LogicalType.Integer,
                    c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
            builder.withCoercionConfig(
                    LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
            builder.withCoercionConfig(
                    LogicalType.Boolean,
                    c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail));
            builder.withCoercionConfig(
                    LogicalType.DateTime,
                    c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
            builder.withCoercionConfig(
                    LogicalType.Textual,
                    c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
            SimpleModule strict = new SimpleModule("khien-strict");
            strict.addDeserializer(String.class, new CleanString());
            strict.addDeserializer(LocalDate.class, new SaneDate());
            // Date-times keep Jackson's own parsing (offsets, adjustment to UTC) and get the same year range.
            strict.addDeserializer(
                    OffsetDateTime.class,
                    new SaneDateTime<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME));
            strict.addDeserializer(Instant.class, new SaneDateTime<>(Instant.class, InstantDeserializer.INSTANT));
            strict.addDeserializer(
                    LocalDateTime.class, new SaneDateTime<>(LocalDateTime.class, LocalDateTimeDeserializer.INSTANCE));
            builder.addModule(strict);
        };
    }

    @Bean
    JsonFactoryBuilderCustomizer strictJsonLimits() {
        return factory -> factory.streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(MAX_DECLARED)
                .maxNestingDepth(64)
                .maxNumberLength(40)
                .build());
    }

    /**
     * A string with no control character (tab, CR, LF allowed), at most {@value #MAX_STRING} characters unless its field
     * declares a larger {@code @Size} (a base64 file of a signed decision or report: the file's own limit is then the
     * field's, checked by the validator with its message).
     */
    static final class CleanString extends StdScalarDeserializer<String> {
        private final int max;

        CleanString() {
            this(MAX_STRING);
        }

        private CleanString(int max) {
            super(String.class);
            this.max = max;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, @Nullable BeanProperty property) {
            Size size = property == null || property.getType().getRawClass() != String.class
                    ? null
                    : property.getAnnotation(Size.class);
            int m = size == null ? MAX_STRING : Math.max(MAX_STRING, Math.min(size.max(), MAX_DECLARED));
            return m == max ? this : new CleanString(m);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String s = p.getString();
            if (s.length() > max) {
                return (String) ctxt.handleWeirdStringValue(
                        String.class, s.substring(0, 20) + "…", TOO_LONG + max + " characters");
            }
            if (SafeText.firstRefused(s, true) >= 0) {
                return (String)
                        ctxt.handleWeirdStringValue(String.class, SafeText.forStorage(s, 40), "control character");
            }
            return s;
        }
    }

    /** How a string over its field's ceiling is refused (the problem handler reads the number after it). */
    static final String TOO_LONG = "longer than ";

    /** A date-time as Jackson reads it, in {@link DateRange} (issue 10: "+99999-01-01T00:00:00Z" was accepted). */
    static final class SaneDateTime<T> extends StdScalarDeserializer<T> {
        private final ValueDeserializer<? extends T> standard;

        SaneDateTime(Class<T> type, ValueDeserializer<? extends T> standard) {
            super(type);
            this.standard = standard;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = p.currentToken() == JsonToken.VALUE_STRING ? p.getString() : null;
            T value = standard.deserialize(p, ctxt);
            if (!DateRange.contains(value)) {
                @SuppressWarnings("unchecked")
                T refused = (T) ctxt.handleWeirdStringValue(
                        handledType(), SafeText.forStorage(String.valueOf(text), 40), DateRange.OUT_OF_RANGE);
                return refused;
            }
            return value;
        }
    }

    /** An ISO date (yyyy-MM-dd) in {@link DateRange}. */
    static final class SaneDate extends StdScalarDeserializer<LocalDate> {
        SaneDate() {
            super(LocalDate.class);
        }

        @Override
        public @Nullable LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String s = p.getString().trim();
            if (s.isEmpty()) {
                return null;
            }
            LocalDate d;
            try {
                d = LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                return (LocalDate) ctxt.handleWeirdStringValue(
                        LocalDate.class, SafeText.forStorage(s, 40), "not a date yyyy-MM-dd");
            }
            if (!DateRange.contains(d)) {
                return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, s, DateRange.OUT_OF_RANGE);
            }
            return d;
        }
    }
}
