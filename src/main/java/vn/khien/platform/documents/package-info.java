/**
 * The one Vietnamese administrative document layout (Nghị định 30/2020/NĐ-CP, Phụ lục I) every module's DOCX is
 * written in: {@link vn.khien.platform.documents.AdministrativeDocument}.
 */
@NullMarked
@NamedInterface("documents")
package vn.khien.platform.documents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
