-- The network member report's annual report covers the whole year, 15/12 of the year before to 14/12 (Nghị định
-- 09/2019/NĐ-CP Điều 12 khoản 4; ADR 0075); it was filed as the second half-year "YYYY-H2" (15/06–14/12). A report
-- still live (draft, checked or signed: its figures are compiled when read) becomes the annual report "YYYY" over the
-- year. A submitted, accepted or returned one keeps its code and the six months it froze, read with its recorded days.
UPDATE periodic_report
   SET period = SUBSTRING(period, 1, 4),
       period_from = CAST(CAST(CAST(SUBSTRING(period, 1, 4) AS INTEGER) - 1 AS VARCHAR(4)) || '-12-15' AS DATE)
 WHERE kind = 'IR_NETWORK_MEMBER'
   AND period LIKE '____-H2'
   AND status IN ('DRAFT', 'CHECKED', 'SIGNED');
