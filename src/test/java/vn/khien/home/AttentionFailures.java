package vn.khien.home;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The lines "Attention source … failed" that {@link AttentionBoard} logs (and swallows, so that the page still renders)
 * while it is open: a test reads them to fail when a source failed instead of passing over a silently shortened page.
 */
final class AttentionFailures implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger(AttentionBoard.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private AttentionFailures() {
        appender.start();
        logger.addAppender(appender);
    }

    /** Starts capturing what the board logs, from every thread (lagging sources compute off the request thread). */
    static AttentionFailures capture() {
        return new AttentionFailures();
    }

    /** Each failed source as "its class: the exception", in the order they failed. */
    List<String> lines() {
        // AppenderBase.doAppend holds the appender's lock while adding: read under it too.
        synchronized (appender) {
            return appender.list.stream()
                    .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)
                            && e.getMessage().startsWith("Attention source"))
                    .map(AttentionFailures::line)
                    .toList();
        }
    }

    private static String line(ILoggingEvent event) {
        IThrowableProxy cause = event.getThrowableProxy();
        return event.getFormattedMessage()
                + (cause == null ? "" : ": " + cause.getClassName() + ": " + cause.getMessage());
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
