package vn.khien.warnings.alerts;

import java.util.Arrays;
import java.util.Optional;

/** CSAF 2.0 VEX justification labels (flags[].label), also used for CycloneDX and OpenVEX answers. */
enum Justification {
    COMPONENT_NOT_PRESENT("component_not_present"),
    VULNERABLE_CODE_NOT_PRESENT("vulnerable_code_not_present"),
    VULNERABLE_CODE_NOT_IN_EXECUTE_PATH("vulnerable_code_not_in_execute_path"),
    VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY("vulnerable_code_cannot_be_controlled_by_adversary"),
    INLINE_MITIGATIONS_ALREADY_EXIST("inline_mitigations_already_exist");

    public final String csaf;

    Justification(String csaf) {
        this.csaf = csaf;
    }

    static Optional<Justification> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim();
        return Arrays.stream(values())
                .filter(j -> j.csaf.equalsIgnoreCase(c) || j.name().equalsIgnoreCase(c))
                .findFirst();
    }
}
