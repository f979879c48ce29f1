package vn.khien.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A real SMTP server (GreenMail) the application's mail sender points at while the test runs; closing it points the
 * sender back where it was.
 */
public final class Mailbox implements AutoCloseable {

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final JavaMailSenderImpl sender;
    private final String host;
    private final int port;

    public Mailbox(JavaMailSenderImpl sender) {
        this.sender = sender;
        this.host = sender.getHost();
        this.port = sender.getPort();
        smtp.start();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
    }

    /** Every mail received so far, in order. */
    public MimeMessage[] received() {
        return smtp.getReceivedMessages();
    }

    /** Mails received for one address. */
    public List<MimeMessage> to(String address) {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            try {
                Address[] to = m.getAllRecipients();
                if (to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
                    out.add(m);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** A mail's raw body with the quoted-printable soft line breaks and {@code =3D} undone, so links read whole. */
    public static String body(MimeMessage m) {
        return GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "=");
    }

    /**
     * The links to application paths starting with {@code pathPrefix} (such as {@code /public/awareness/}, followed by
     * a token) in the mails to one address: the first of each mail, in order.
     */
    public List<String> links(String address, String pathPrefix) {
        Pattern link = Pattern.compile("https?://[^/\\s\"]+(" + Pattern.quote(pathPrefix) + "[A-Za-z0-9_-]+)");
        List<String> links = new ArrayList<>();
        for (MimeMessage m : to(address)) {
            Matcher matcher = link.matcher(body(m));
            if (matcher.find()) {
                links.add(matcher.group(1));
            }
        }
        return links;
    }

    /** Waits (at most {@code timeout}) for one more mail to arrive; true when one did. */
    public boolean waitForMail(Duration timeout) {
        return smtp.waitForIncomingEmail(timeout.toMillis(), smtp.getReceivedMessages().length + 1);
    }

    @Override
    public void close() {
        sender.setHost(host);
        sender.setPort(port);
        smtp.stop();
    }
}
