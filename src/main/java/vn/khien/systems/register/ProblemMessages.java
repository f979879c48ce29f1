package vn.khien.systems.register;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import vn.khien.platform.FieldProblemException;

/** Resolves business and validation problems to texts in the request's language, for pages that redirect. */
@Component
public class ProblemMessages {
    private final MessageSource messages;

    public ProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    public List<String> of(FieldProblemException e) {
        List<String> out = new ArrayList<>();
        e.problems().forEach(p -> out.add(text(p.messageKey(), p.args())));
        return out;
    }

    public List<String> of(BindingResult result) {
        List<String> out = new ArrayList<>();
        result.getAllErrors().forEach(err -> out.add(messages.getMessage(err, LocaleContextHolder.getLocale())));
        return out;
    }

    /** A text in a given language, whatever the request's (import labels are read in both languages). */
    public @Nullable String textIn(Locale locale, String key) {
        return messages.getMessage(key, null, null, locale);
    }

    public String text(String key, @Nullable Object... args) {
        return Objects.requireNonNullElse(messages.getMessage(key, args, key, LocaleContextHolder.getLocale()), key);
    }
}
