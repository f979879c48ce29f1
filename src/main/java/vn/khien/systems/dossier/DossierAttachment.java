package vn.khien.systems.dossier;

import java.time.Instant;

/** A file attached to a dossier part (the bytes are read separately). */
record DossierAttachment(
        long id,
        long dossierId,
        String partKey,
        String fileName,
        String contentType,
        long sizeBytes,
        Instant uploadedAt) {}
