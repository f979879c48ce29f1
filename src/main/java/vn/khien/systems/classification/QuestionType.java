package vn.khien.systems.classification;

import java.util.Locale;

/** Kind of answer a classification question expects. */
public enum QuestionType {
    /** {@link Boolean}. */
    BOOLEAN,
    /** Any {@link Number}; integral counts such as users or data subjects. */
    NUMBER,
    /** One option, as a {@link String}. */
    CHOICE,
    /** Several options, as a {@link java.util.Collection} of strings. */
    MULTI_CHOICE;

    public static QuestionType fromYaml(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
