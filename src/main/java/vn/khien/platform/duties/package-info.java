/**
 * The extension point through which feature modules report the evidence of recurring legal duties (obligations
 * R01–R48) without depending on the obligations module: {@link vn.khien.platform.duties.DutySource} beans.
 */
@NullMarked
@NamedInterface("duties")
package vn.khien.platform.duties;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
