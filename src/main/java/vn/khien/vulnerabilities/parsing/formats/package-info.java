/**
 * The scanner formats, one parser per format, each declaring how it recognises its files ({@link
 * vn.khien.vulnerabilities.parsing.Recognition}); each has its test and its reports under {@code
 * src/test/resources/reports/<format>/}.
 */
@NullMarked
package vn.khien.vulnerabilities.parsing.formats;

import org.jspecify.annotations.NullMarked;
