package vn.khien.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query and path parameters and form fields that take a date (issue 10): a day ({@link LocalDate}) through the
 * platform's one form-date reader {@link FormDates} (dd/MM/yyyy or ISO, ADR 0079) and printed back dd/MM/yyyy; the
 * other kinds read exactly as Spring reads them (ISO, or the {@code @DateTimeFormat} pattern of the parameter); every
 * one refused when the year is out of {@link DateRange}. The
 * refusal is Spring's own conversion failure, so it is answered like any other unreadable date: problem+json naming
 * the parameter on the API ({@link ApiProblemHandler}), the error page naming the parameter on pages
 * ({@link WebErrorPages}), and a field error under the form field ({@code typeMismatch.java.time.*} messages).
 */
@Configuration(proxyBeanMethods = false)
class DateRangeConversion implements WebMvcConfigurer {

    private static final Set<Class<?>> DATES = Set.of(
            LocalDate.class,
            LocalDateTime.class,
            OffsetDateTime.class,
            ZonedDateTime.class,
            Instant.class,
            YearMonth.class);

    @Override
    public void addFormatters(FormatterRegistry registry) {
        // Added after Spring's own date formatters, so it is asked first for String → date.
        registry.addConverter(new InRange());
        // A day bound to a form field is shown back as it is read: dd/MM/yyyy (ADR 0079).
        registry.addConverter(LocalDate.class, String.class, FormDates::shown);
    }

    /** Spring's reading of a date (the same formatters as the MVC conversion service), then the year range. */
    static final class InRange implements ConditionalGenericConverter {
        private final DefaultFormattingConversionService spring = new DefaultFormattingConversionService();

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return DATES.stream().map(t -> new ConvertiblePair(String.class, t)).collect(Collectors.toSet());
        }

        @Override
        public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
            return DATES.contains(targetType.getObjectType());
        }

        @Override
        public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            if (targetType.getObjectType() == LocalDate.class && source instanceof String typed && !typed.isBlank()) {
                // the platform's one form-date reader: dd/MM/yyyy or ISO, whatever the parameter's @DateTimeFormat
                try {
                    return FormDates.read(typed);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(
                            "not a day dd/MM/yyyy " + DateRange.OUT_OF_RANGE + ": " + SafeText.forStorage(typed, 40),
                            e);
                }
            }
            Object value = spring.convert(source, sourceType, targetType);
            if (!DateRange.contains(value)) {
                throw new IllegalArgumentException(
                        DateRange.OUT_OF_RANGE + ": " + SafeText.forStorage(String.valueOf(source), 40));
            }
            return value;
        }
    }
}
