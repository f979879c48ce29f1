package vn.khien.systems.dossier;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What accompanies a workflow step: a comment (required to return a dossier; the appraisal opinion when appraising),
 * and for approval the decision number, date, signer and optionally the signed file (base64 in the API).
 */
public class ActionRequest {
    @Size(max = 8000, message = "{validation.size}")
    private String comment;

    @Size(max = 100, message = "{validation.size}")
    private String decisionNumber;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate decisionDate;

    @Size(max = 200, message = "{validation.size}")
    private String decisionSigner;

    @Size(max = 300, message = "{validation.size}")
    private String signedFileName;

    @Size(max = 28_000_000, message = "{validation.size}") // base64 of DossierService.MAX_FILE_BYTES (20 MB)
    private String signedFileBase64;

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public String getDecisionNumber() {
        return decisionNumber;
    }

    public void setDecisionNumber(String decisionNumber) {
        this.decisionNumber = decisionNumber;
    }

    public LocalDate getDecisionDate() {
        return decisionDate;
    }

    public void setDecisionDate(LocalDate decisionDate) {
        this.decisionDate = decisionDate;
    }

    public String getDecisionSigner() {
        return decisionSigner;
    }

    public void setDecisionSigner(String decisionSigner) {
        this.decisionSigner = decisionSigner;
    }

    public String getSignedFileName() {
        return signedFileName;
    }

    public void setSignedFileName(String signedFileName) {
        this.signedFileName = signedFileName;
    }

    public String getSignedFileBase64() {
        return signedFileBase64;
    }

    public void setSignedFileBase64(String signedFileBase64) {
        this.signedFileBase64 = signedFileBase64;
    }
}
