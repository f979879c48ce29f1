package vn.khien.compliance.evidence;

import org.jspecify.annotations.Nullable;

/** Why evidence is superseded or deleted; kept with it in the history. */
public record WithdrawalRequest(@Nullable String reason) {}
