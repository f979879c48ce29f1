-- Supply-chain risk (R36): a supplier's tax code (mã số thuế, Thông tư 105/2020/TT-BTC Điều 5: 10 digits, or 10 digits,
-- a hyphen and 3 digits for a dependent unit), entered with the supplier in the register and on its supplier page. It
-- is the strongest key when the spellings of one supplier's name are folded together; an assessment keeps the tax code
-- its supplier had when it was recorded.
ALTER TABLE system_supplier ADD COLUMN tax_code VARCHAR(14);
ALTER TABLE supplier_assessment ADD COLUMN tax_code VARCHAR(14);
CREATE INDEX ix_system_supplier_tax_code ON system_supplier (tax_code);
