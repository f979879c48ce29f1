package vn.khien.obligations.awareness;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;

/** The decoded text of a received mail. */
final class GreenMailBody {

    private GreenMailBody() {}

    static String of(MimeMessage m) {
        try {
            return m.getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
