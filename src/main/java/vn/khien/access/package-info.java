/**
 * Roles, capabilities, the current person and {@code OrgScope}, the organisation-tree predicate.
 * Allowed dependencies are checked by Spring Modulith ({@code ModulithTest}); see ARCHITECTURE.md.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "platform :: *"})
package vn.khien.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
