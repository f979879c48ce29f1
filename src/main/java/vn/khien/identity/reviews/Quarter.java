package vn.khien.identity.reviews;

import java.time.LocalDate;
import java.time.ZoneId;

/** A calendar quarter, the period of one access review (ADR 0039); written {@code 2026-Q4}. */
record Quarter(int year, int number) {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    public Quarter {
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("quarter " + number);
        }
    }

    static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    static Quarter parse(String code) {
        return new Quarter(Integer.parseInt(code.substring(0, 4)), Integer.parseInt(code.substring(6)));
    }

    public LocalDate start() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    public LocalDate end() {
        return start().plusMonths(3).minusDays(1);
    }

    Quarter next() {
        return of(end().plusDays(1));
    }

    public String code() {
        return year + "-Q" + number;
    }

    @Override
    public String toString() {
        return code();
    }
}
