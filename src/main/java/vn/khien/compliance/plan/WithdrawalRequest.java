package vn.khien.compliance.plan;

/** Why evidence is superseded or deleted; kept with it in the history. */
record WithdrawalRequest(String reason) {}
