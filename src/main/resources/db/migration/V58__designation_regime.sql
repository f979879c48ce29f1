-- Issue 9 point 18: NĐ 85/2016 and NĐ 331/2026 name different national bodies (Bộ TT&TT/Cục ATTT, then Bộ Công an),
-- so a designation may be limited to one regime (rule-data regime id); '*' serves every regime. At equal depth in
-- the tree a regime-specific designation wins over '*'. Portable between H2 (MODE=PostgreSQL) and PostgreSQL.
ALTER TABLE authority_designation ADD COLUMN regime VARCHAR(40) DEFAULT '*' NOT NULL;
ALTER TABLE authority_designation DROP CONSTRAINT uq_authority_designation;
ALTER TABLE authority_designation ADD CONSTRAINT uq_authority_designation_regime
    UNIQUE (scope_organization_id, authority_role, regime);
