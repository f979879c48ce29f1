package vn.khien.obligations.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Composes and sends the obligations module's mails (the daily digest, awareness messages) through the application's
 * SMTP settings: a Vietnamese subject from the messages, an HTML body from a Thymeleaf mail template, UTF-8, from
 * {@code khien.mail.from}; links are made absolute with {@code khien.mail.base-url}. A mail the server refuses
 * throws, so the caller's transaction rolls back what it marked as sent.
 */
@Component
public class MailComposer {

    /** The mails' language. */
    public static final Locale VI = Locale.forLanguageTag("vi");

    private final JavaMailSender mail;
    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final String from;
    private final String baseUrl;

    MailComposer(
            JavaMailSender mail,
            ITemplateEngine templates,
            MessageSource messages,
            @Value("${khien.mail.from}") String from,
            @Value("${khien.mail.base-url}") String baseUrl) {
        this.mail = mail;
        this.templates = templates;
        this.messages = messages;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The application's address for links in mails, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** A message in Vietnamese, the key itself when it has none. */
    public String text(String key, Object[] args) {
        String text = messages.getMessage(key, args, key, VI);
        return text == null ? key : text;
    }

    /**
     * Sends one HTML mail: the subject is the message {@code subjectKey} over its arguments, the body the template
     * with these variables. {@code what} names the mail in the exception when it cannot be composed.
     */
    public void send(
            String to,
            String subjectKey,
            Object[] subjectArgs,
            String template,
            Map<String, Object> variables,
            String what) {
        String subject = messages.getMessage(subjectKey, subjectArgs, VI);
        Context context = new Context(VI);
        variables.forEach(context::setVariable);
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(templates.process(template, context), true);
            mail.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(what + " not sent", e);
        }
    }
}
