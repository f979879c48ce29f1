/**
 * People, sign-in, MFA, API tokens, notices.
 * Allowed dependencies are checked by Spring Modulith ({@code ModulithTest}); see ARCHITECTURE.md.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"access", "audit", "organizations", "platform", "platform :: *"})
package vn.khien.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
