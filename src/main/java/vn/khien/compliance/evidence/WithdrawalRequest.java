package vn.khien.compliance.evidence;

/** Why evidence is superseded or deleted; kept with it in the history. */
public record WithdrawalRequest(String reason) {}
