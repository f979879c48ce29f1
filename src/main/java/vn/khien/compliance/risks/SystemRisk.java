package vn.khien.compliance.risks;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A system's risk rating from its latest cyber-risk assessment (NĐ 331 Đ10), as recorded by an officer. */
public record SystemRisk(
        long systemId,
        RiskRating rating,
        LocalDate assessedOn,
        @Nullable String note) {}
