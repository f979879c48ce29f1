/**
 * The append-only, hash-chained audit trail.
 * Allowed dependencies are checked by Spring Modulith ({@code ModulithTest}); see ARCHITECTURE.md.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"access", "platform", "platform :: *"})
package vn.khien.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
