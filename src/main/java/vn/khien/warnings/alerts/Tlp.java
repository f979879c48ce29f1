package vn.khien.warnings.alerts;

import java.util.Arrays;

/** Traffic Light Protocol 2.0 labels; who below the publisher may see a warning is enforced in SQL by these codes. */
enum Tlp {
    CLEAR("CLEAR"),
    GREEN("GREEN"),
    AMBER("AMBER"),
    AMBER_STRICT("AMBER+STRICT"),
    RED("RED");

    final String code;

    Tlp(String code) {
        this.code = code;
    }

    static Tlp of(String code) {
        return Arrays.stream(values())
                .filter(t -> t.code.equalsIgnoreCase(code == null ? "" : code.trim()))
                .findFirst()
                .orElse(null);
    }

    /** Only the named organisations themselves (not their subtree or parents) receive it. */
    boolean recipientsOnly() {
        return this == AMBER_STRICT || this == RED;
    }
}
