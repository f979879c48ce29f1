-- Issue 9 point 21: the register uses the classification's system-type codes (NĐ 85/2016 Đ6.2; NĐ 331/2026 Đ9.2;
-- regulation.md §13), so one vocabulary runs from the register to the level. Portable between H2 and PostgreSQL.
UPDATE information_system SET system_type = 'CITIZEN_BUSINESS' WHERE system_type = 'PUBLIC_SERVICE';
UPDATE information_system SET system_type = 'ICS' WHERE system_type = 'INDUSTRIAL_CONTROL';
