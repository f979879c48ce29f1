package vn.khien.reports.kinds;

import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The application's {@link PeriodWords} over the reports bundle, for tests without a Spring context. */
final class Words {
    static final Locale VI = Locale.forLanguageTag("vi");
    static final PeriodWords WORDS = create();

    private Words() {}

    private static PeriodWords create() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages-reports");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new PeriodWords(source);
    }

    /** The period's label in Vietnamese, as pages and documents write it. */
    static String vi(ReportPeriod p) {
        return WORDS.label(p, VI);
    }
}
