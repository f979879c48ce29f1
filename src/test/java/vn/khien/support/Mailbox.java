package vn.khien.obligations.awareness;

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

/** A real SMTP server (GreenMail) the application's mail sender points at while the test runs. */
final class Mailbox implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s\"]+(/public/awareness/[A-Za-z0-9_-]+)");

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final JavaMailSenderImpl sender;
    private final String host;
    private final int port;

    Mailbox(JavaMailSenderImpl sender) {
        this.sender = sender;
        this.host = sender.getHost();
        this.port = sender.getPort();
        smtp.start();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
    }

    /** Mails received for one address. */
    List<MimeMessage> to(String address) {
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

    /** The acknowledgement links (application paths) in the mails to one address, in order. */
    List<String> links(String address) {
        List<String> links = new ArrayList<>();
        for (MimeMessage m : to(address)) {
            String body = GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "=");
            Matcher matcher = LINK.matcher(body);
            if (matcher.find()) {
                links.add(matcher.group(1));
            }
        }
        return links;
    }

    /** Waits (at most {@code timeout}) for one more mail to arrive; true when one did. */
    boolean waitForMail(Duration timeout) {
        return smtp.waitForIncomingEmail(timeout.toMillis(), smtp.getReceivedMessages().length + 1);
    }

    @Override
    public void close() {
        sender.setHost(host);
        sender.setPort(port);
        smtp.stop();
    }
}
