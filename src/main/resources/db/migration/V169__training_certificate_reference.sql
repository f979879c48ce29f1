-- The certificate's reference (number) an import records, kept apart from the certificate file: attaching or
-- replacing the file no longer overwrites it. Rows imported before kept the reference as the file's name, with no file.
ALTER TABLE training_record ADD COLUMN certificate_reference VARCHAR(255);
UPDATE training_record SET certificate_reference = certificate_name, certificate_name = NULL
    WHERE certificate_sha256 IS NULL AND certificate_name IS NOT NULL;
