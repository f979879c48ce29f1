/** The information-system register: systems, components, suppliers, imports and the Mẫu 08 export. */
@NullMarked
package vn.khien.systems.register;

import org.jspecify.annotations.NullMarked;
