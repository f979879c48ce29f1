/**
 * Scanner reports, scan imports and findings (issue 4).
 * Allowed dependencies are checked by Spring Modulith ({@code ModulithTest}); see ARCHITECTURE.md.
 */
@NullMarked
@ApplicationModule(
        allowedDependencies = {
            "access",
            "audit",
            "organizations",
            "identity",
            "platform",
            "platform :: *",
            "systems",
            "systems :: register"
        })
package vn.khien.vulnerabilities;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
