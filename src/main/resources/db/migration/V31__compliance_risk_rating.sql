-- Risk rating per system from its latest cyber-risk assessment (NĐ 331/2026 Đ10). New-regime assessment intervals
-- depend on it (Đ28.5.a: "by level and risk"); compliance owns it so the register stays unaware of assessments.
CREATE TABLE compliance_risk_rating (
    system_id    BIGINT PRIMARY KEY REFERENCES information_system (id) ON DELETE CASCADE,
    rating       VARCHAR(20) NOT NULL,
    assessed_on  DATE NOT NULL,
    note         TEXT,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      INTEGER NOT NULL DEFAULT 0
);
