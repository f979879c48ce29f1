package vn.khien.reports.kinds;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A report period in words for people, in the reader's language — "Quý III năm 2026", "6 tháng đầu năm 2026", "Năm
 * 2026" ("Q3 2026", "First half of 2026", "Year 2026") — never its code ("2026-Q3"), which stays in the API. The
 * Vietnamese wording is that of an administrative document (the quarter in Roman numerals, "Quý IV năm 2026", as
 * reports of state bodies write it). The one way the reports pages (list, waiting tab, report heading, dashboard
 * trend, drill-down), their messages AND the DOCX/XLSX/PDF documents name a period (docs/adr/0078); templates call
 * it as {@code @periodWords.name(code)}.
 */
@Component("periodWords")
public class PeriodWords {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] ROMAN = {"I", "II", "III", "IV"};

    private final MessageSource messages;

    public PeriodWords(MessageSource messages) {
        this.messages = messages;
    }

    /** The period's name in the reader's language; a code of no known shape is returned as it is. */
    public String name(@Nullable String code) {
        return name(code, LocaleContextHolder.getLocale());
    }

    public String name(@Nullable String code, Locale locale) {
        if (code == null) {
            return "";
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        // The year and index as text: a number argument would be formatted "2,026".
        Matcher q = ReportPeriod.QUARTER.matcher(c);
        if (q.matches()) {
            int index = Integer.parseInt(q.group(2));
            return messages.getMessage(
                    "reports.periodName.quarter", new Object[] {q.group(2), q.group(1), ROMAN[index - 1]}, locale);
        }
        Matcher h = ReportPeriod.HALF.matcher(c);
        if (h.matches()) {
            return messages.getMessage("reports.periodName.half" + h.group(2), new Object[] {h.group(1)}, locale);
        }
        if (ReportPeriod.YEAR.matcher(c).matches()) {
            return messages.getMessage("reports.periodName.year", new Object[] {c}, locale);
        }
        return code;
    }

    /** The name with the days the period covers: "Quý III năm 2026 (từ 01/07/2026 đến 30/09/2026)". */
    public String label(ReportPeriod period) {
        return label(period, LocaleContextHolder.getLocale());
    }

    /** The name with its days in the given language (documents are in Vietnamese whoever downloads them). */
    public String label(ReportPeriod period, Locale locale) {
        return messages.getMessage(
                "reports.periodLabel",
                new Object[] {
                    name(period.code(), locale),
                    DAY.format(period.days().from()),
                    DAY.format(period.days().to())
                },
                locale);
    }
}
