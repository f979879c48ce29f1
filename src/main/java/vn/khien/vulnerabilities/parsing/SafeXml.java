package vn.khien.vulnerabilities.parsing;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The only place where XML readers are created. Reports come from users, so DTD processing is
 * switched off entirely: no external entities (XXE), no external DTD fetch (SSRF), no entity
 * expansion (billion laughs). A DOCTYPE line itself is tolerated (Nmap writes
 * {@code <!DOCTYPE nmaprun>}); any entity reference that would need it fails with an error.
 */
public final class SafeXml {
    private static final XMLInputFactory FACTORY = createFactory();

    private SafeXml() {}

    private static XMLInputFactory createFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** Opens a cursor over {@code in}; the encoding comes from the XML declaration (UTF-8 default). */
    public static XmlCursor open(InputStream in) throws ReportFormatException {
        try {
            XMLStreamReader r;
            synchronized (FACTORY) { // factory configuration is not documented as thread-safe
                r = FACTORY.createXMLStreamReader(in);
            }
            return new XmlCursor(r);
        } catch (XMLStreamException | RuntimeException e) {
            throw new ReportFormatException("Not a readable XML document: " + e.getMessage(), "start of file", e);
        }
    }
}
