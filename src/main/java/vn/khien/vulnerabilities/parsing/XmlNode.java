package vn.khien.vulnerabilities.parsing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small in-memory element tree for ONE repeating report item (a Nessus ReportItem, a ZAP
 * alert...). Parsers stream to the item with {@link XmlCursor} and materialise only that
 * subtree, which keeps memory bounded by the largest item rather than by the file.
 */
public final class XmlNode {
    private final String name;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final StringBuilder text = new StringBuilder();
    private final List<XmlNode> children = new ArrayList<>();

    XmlNode(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public Map<String, String> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    public List<XmlNode> children() {
        return Collections.unmodifiableList(children);
    }

    void putAttribute(String k, String v) {
        attributes.put(k, v);
    }

    void appendText(String s) {
        text.append(s);
    }

    void addChild(XmlNode n) {
        children.add(n);
    }

    int textLength() {
        return text.length();
    }

    public @Nullable String attr(String k) {
        String v = attributes.get(k);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** Own text content, trimmed; null when empty. */
    public @Nullable String text() {
        String t = text.toString().trim();
        return t.isEmpty() ? null : t;
    }

    /** Own text without trimming (for request/response bodies). */
    public String rawText() {
        return text.toString();
    }

    public @Nullable XmlNode child(String childName) {
        for (XmlNode c : children) {
            if (c.name.equals(childName)) return c;
        }
        return null;
    }

    public List<XmlNode> children(String childName) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.name.equals(childName)) out.add(c);
        }
        return out;
    }

    /** Text of the first child with that name (trimmed, null if absent/empty). */
    public @Nullable String childText(String childName) {
        XmlNode c = child(childName);
        return c == null ? null : c.text();
    }

    /** Follows a path of child names, e.g. {@code path("nvt", "refs")}. */
    public @Nullable XmlNode path(String... names) {
        @Nullable XmlNode n = this;
        for (String s : names) {
            n = n.child(s);
            if (n == null) return null;
        }
        return n;
    }

    public @Nullable String pathText(String... names) {
        XmlNode n = path(names);
        return n == null ? null : n.text();
    }
}
