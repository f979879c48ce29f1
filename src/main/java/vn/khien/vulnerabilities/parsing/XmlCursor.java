package vn.khien.vulnerabilities.parsing;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Thin wrapper over a StAX reader that turns every parser failure (including the
 * RuntimeExceptions some JDK versions throw, e.g. for a NUL byte inside a DOCTYPE) into a
 * {@link ReportFormatException} carrying line, column and the current element.
 */
public final class XmlCursor implements AutoCloseable {
    /** Upper bound on the text kept for a single materialised item (32 M chars). */
    static final int MAX_NODE_CHARS = 32 * 1024 * 1024;

    private final XMLStreamReader reader;
    private String currentElement = "(document start)";
    private int depth;

    XmlCursor(XMLStreamReader reader) {
        this.reader = reader;
    }

    /** Advances one event; the only place that calls {@code reader.next()}. */
    public int next() throws ReportFormatException {
        try {
            if (!reader.hasNext()) {
                return XMLStreamConstants.END_DOCUMENT;
            }
            int ev = reader.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
                currentElement = reader.getLocalName();
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
            return ev;
        } catch (XMLStreamException | RuntimeException e) {
            throw error("Malformed or unsafe XML: " + cleanMessage(e), e);
        }
    }

    /**
     * Moves to the next start tag anywhere below the current position and returns its local
     * name, or null at end of document.
     */
    public @Nullable String nextStart() throws ReportFormatException {
        while (true) {
            int ev = next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                return reader.getLocalName();
            }
            if (ev == XMLStreamConstants.END_DOCUMENT) {
                return null;
            }
        }
    }

    /** Depth of the current element (root element = 1). */
    public int depth() {
        return depth;
    }

    public @Nullable String attr(String name) {
        String v = reader.getAttributeValue(null, name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /**
     * Reads the element the cursor is on (must be at START_ELEMENT) with all descendants into
     * an {@link XmlNode}; afterwards the cursor is on its END_ELEMENT.
     */
    public XmlNode readNode() throws ReportFormatException {
        XmlNode root = newNode();
        ArrayDeque<XmlNode> stack = new ArrayDeque<>();
        stack.push(root);
        long chars = 0;
        while (!stack.isEmpty()) {
            int ev = next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT: {
                    XmlNode n = newNode();
                    stack.peek().addChild(n);
                    stack.push(n);
                    break;
                }
                case XMLStreamConstants.END_ELEMENT:
                    stack.pop();
                    break;
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE: {
                    String t = reader.getText();
                    chars += t.length();
                    if (chars > MAX_NODE_CHARS) {
                        throw error(
                                "Element <" + root.name() + "> is larger than " + MAX_NODE_CHARS + " characters", null);
                    }
                    stack.peek().appendText(t);
                    break;
                }
                case XMLStreamConstants.ENTITY_REFERENCE:
                    throw error("Entity reference &" + reader.getLocalName() + "; is not allowed", null);
                case XMLStreamConstants.END_DOCUMENT:
                    throw error("Unexpected end of document inside <" + root.name() + ">", null);
                default:
                    break;
            }
        }
        return root;
    }

    /**
     * Reads the element the cursor is on (must be at START_ELEMENT) to its END_ELEMENT, as {@link #readNode()} would,
     * but keeps only the own text of the first direct child of each name in {@code names}: {@code texts[i]} becomes
     * what {@code readNode().childText(names.get(i))} would give (trimmed, null when empty or absent). The text of
     * every other element is passed over without being copied into strings; the same size limit and the same errors
     * apply. For the one element a large report repeats thousands of times (a Nessus ReportItem).
     */
    public void readChildTexts(List<String> names, @Nullable String[] texts) throws ReportFormatException {
        String root = reader.getLocalName();
        Arrays.fill(texts, null);
        boolean[] taken = new boolean[names.size()];
        StringBuilder[] more = null;
        int level = 0; // 0 = the element itself, 1 = a direct child
        int slot = -1; // the wanted child being read, or -1
        long chars = 0;
        while (true) {
            int ev = next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT:
                    level++;
                    if (level == 1) {
                        int i = names.indexOf(reader.getLocalName());
                        slot = i >= 0 && !taken[i] ? i : -1;
                        if (slot >= 0) {
                            taken[slot] = true;
                        }
                    }
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    if (level == 0) {
                        for (int i = 0; i < texts.length; i++) {
                            String t = more != null && more[i] != null ? more[i].toString() : texts[i];
                            t = t == null ? null : t.trim();
                            texts[i] = t == null || t.isEmpty() ? null : t;
                        }
                        return;
                    }
                    if (level == 1) {
                        slot = -1;
                    }
                    level--;
                    break;
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE: {
                    chars += reader.getTextLength();
                    if (chars > MAX_NODE_CHARS) {
                        throw error("Element <" + root + "> is larger than " + MAX_NODE_CHARS + " characters", null);
                    }
                    if (level == 1 && slot >= 0) {
                        String t = reader.getText();
                        if (texts[slot] == null) {
                            texts[slot] = t;
                        } else {
                            if (more == null) {
                                more = new StringBuilder[texts.length];
                            }
                            if (more[slot] == null) {
                                more[slot] = new StringBuilder(texts[slot]);
                            }
                            more[slot].append(t);
                        }
                    }
                    break;
                }
                case XMLStreamConstants.ENTITY_REFERENCE:
                    throw error("Entity reference &" + reader.getLocalName() + "; is not allowed", null);
                case XMLStreamConstants.END_DOCUMENT:
                    throw error("Unexpected end of document inside <" + root + ">", null);
                default:
                    break;
            }
        }
    }

    private XmlNode newNode() {
        XmlNode n = new XmlNode(reader.getLocalName());
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            n.putAttribute(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        return n;
    }

    /** Reads the text of a simple element the cursor is on, skipping any nested markup. */
    public @Nullable String readText() throws ReportFormatException {
        String t = readNode().text();
        return t;
    }

    /** The local name of the root element (advances to it). */
    public String rootElement() throws ReportFormatException {
        String name = nextStart();
        if (name == null) {
            throw error("Empty XML document: no root element", null);
        }
        return name;
    }

    /** Checks that no content follows where the document must have ended properly. */
    public void drain() throws ReportFormatException {
        while (next() != XMLStreamConstants.END_DOCUMENT) {
            // reading to the end makes truncated files fail instead of silently importing a part
        }
    }

    public ReportFormatException error(String message, @Nullable Throwable cause) {
        return new ReportFormatException(message, where(), cause);
    }

    public String where() {
        Location l = null;
        try {
            l = reader.getLocation();
        } catch (RuntimeException ignored) {
            // location unavailable after a fatal error
        }
        String pos = l == null ? "unknown position" : "line " + l.getLineNumber() + ", column " + l.getColumnNumber();
        return pos + ", element <" + currentElement + ">";
    }

    private static String cleanMessage(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int i = m.indexOf("Message: ");
        return i >= 0 ? m.substring(i + 9) : m;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (XMLStreamException ignored) {
            // closing a reader on a broken stream is not an import failure
        }
    }
}
