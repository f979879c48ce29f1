package vn.khien.platform.figures;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs one grouped count per figure ({@code SELECT org, COUNT(*) … GROUP BY org}) over many organisations at once, in
 * chunks of ids so the parameter list stays far below the drivers' limits.
 * Shared by every module's {@link FigureSource}, so all figures count the same way.
 */
public final class GroupedCounts {
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int CHUNK = 5000;

    private GroupedCounts() {}

    /** Queries take {@code :ids}, {@code :from}, {@code :to} (dates) and {@code :endAt} (end of the last day). */
    public static void count(
            JdbcClient jdbc,
            Map<Long, Map<String, Long>> into,
            String figure,
            String sql,
            Collection<Long> ids,
            FigurePeriod period) {
        List<Long> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<Long> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            jdbc.sql(sql)
                    .param("ids", chunk)
                    .param("from", period.from())
                    .param("to", period.to())
                    .param("endAt", endAt(period.to()))
                    .query((ResultSet rs) -> {
                        into.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                                .put(figure, rs.getLong(2));
                    });
        }
    }

    /**
     * Runs one grouped query that yields several figures per row (conditional sums of one pass) for many
     * organisations, chunked like {@link #count}; the handler reads each row. Same parameters as {@link #count}.
     */
    public static void rows(
            JdbcClient jdbc, String sql, Collection<Long> ids, FigurePeriod period, RowCallbackHandler handler) {
        List<Long> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += CHUNK) {
            jdbc.sql(sql)
                    .param("ids", all.subList(i, Math.min(all.size(), i + CHUNK)))
                    .param("from", period.from())
                    .param("to", period.to())
                    .param("endAt", endAt(period.to()))
                    .query(handler);
        }
    }

    public static OffsetDateTime endAt(LocalDate lastDay) {
        return lastDay.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime();
    }
}
