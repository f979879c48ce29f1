package vn.khien.platform;

import java.time.LocalDate;
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
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Strict JSON binding for every request body: a duplicate key is refused (not "last wins"), {@code 7.5} is not the
 * id 7, a number is not a date and a string is not a number, a date lies between 1900 and 2199, and no string may carry
 * a control character (NUL included; tab and line breaks are allowed) nor exceed {@value #MAX_STRING} characters
 * (each field's own limit, matching its column, is its {@code @Size}). Violations are 400s naming the field
 * ({@link ApiProblemHandler}).
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    /** Ceiling for any JSON string; fields have their own smaller @Size. */
    public static final int MAX_STRING = 1_000_000;

    public static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate MAX_DATE = LocalDate.of(2199, 12, 31);

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
            builder.addModule(strict);
        };
    }

    @Bean
    JsonFactoryBuilderCustomizer strictJsonLimits() {
        return factory -> factory.streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(MAX_STRING)
                .maxNestingDepth(64)
                .maxNumberLength(40)
                .build());
    }

    /** A string with no control character (tab, CR, LF allowed). */
    static final class CleanString extends StdScalarDeserializer<String> {
        CleanString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String s = p.getString();
            if (SafeText.firstRefused(s, true) >= 0) {
                return (String)
                        ctxt.handleWeirdStringValue(String.class, SafeText.forStorage(s, 40), "control character");
            }
            return s;
        }
    }

    /** An ISO date (yyyy-MM-dd) in the years 1900–2199. */
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
            if (d.isBefore(MIN_DATE) || d.isAfter(MAX_DATE)) {
                return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, s, "out of range 1900-2199");
            }
            return d;
        }
    }
}
