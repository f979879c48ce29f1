/**
 * The home page: my organisations and what needs my attention (every {@code AttentionSource}).
 * Allowed dependencies are checked by Spring Modulith ({@code ModulithTest}); see ARCHITECTURE.md.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"access", "audit", "organizations", "identity", "platform", "platform :: *"})
package vn.khien.home;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
