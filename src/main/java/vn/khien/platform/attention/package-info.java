/**
 * The extension point through which feature modules put their work on the home page without the home page
 * depending on them: {@link vn.khien.platform.attention.AttentionSource} beans contribute
 * {@link vn.khien.platform.attention.AttentionItem}s, texts always as message keys.
 */
@NullMarked
@NamedInterface("attention")
package vn.khien.platform.attention;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
