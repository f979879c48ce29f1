/**
 * Shared technical foundation: start-up guards, configuration, i18n, problem+json, error pages, dates; the
 * cross-module contracts in its named interfaces {@code attention}, {@code duties} and {@code figures}.
 * Allowed dependencies are checked by Spring Modulith ({@code ModulithTest}); see ARCHITECTURE.md.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package vn.khien.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
