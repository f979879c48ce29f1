-- The Mẫu 08 per-system table (NĐ 331/2026 Đ36, regulation.md §6.2) as it stood when an annual report was submitted:
-- the submitted annex must not change when a system is renamed, approved or its plan deployed afterwards.
CREATE TABLE periodic_report_form08_row (
    report_id  BIGINT NOT NULL REFERENCES periodic_report (id) ON DELETE CASCADE,
    row_no     INTEGER NOT NULL,
    system_id  BIGINT NOT NULL,
    c2_name            VARCHAR(1000) NOT NULL,
    c3_owner           VARCHAR(1000) NOT NULL,
    c4_operator        VARCHAR(1000) NOT NULL,
    c5_level           VARCHAR(20) NOT NULL,
    c6_approval_state  VARCHAR(200) NOT NULL,
    c7_decision        VARCHAR(1000) NOT NULL,
    c8_regulation      VARCHAR(1000) NOT NULL,
    c9_expected_approval VARCHAR(200) NOT NULL,
    c10_plan_state     VARCHAR(1000) NOT NULL,
    c11_expected_full  VARCHAR(200) NOT NULL,
    c12_inspections    VARCHAR(1000) NOT NULL,
    CONSTRAINT pk_periodic_report_form08_row PRIMARY KEY (report_id, row_no)
);
