package vn.khien.systems.register;

/** What access a third party has to the system, for supply-chain risk. */
public enum SupplierAccess {
    NONE,
    PHYSICAL,
    REMOTE_ADMIN,
    DATA_ACCESS,
    FULL_OPERATION
}
