package nl.groenlicht.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/** What the application logs while it is open: every event of every logger, as the log would show it. */
public final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    /** Each event as its message followed by its exception with causes and stack, as the log writes it. */
    public List<String> lines() {
        return List.copyOf(appender.list).stream().map(e -> {
            IThrowableProxy thrown = e.getThrowableProxy();
            return e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()
                    + (thrown == null ? "" : "\n" + ThrowableProxyUtil.asString(thrown));
        }).toList();
    }

    /** Events at WARN or above. */
    public List<String> warnings() {
        return List.copyOf(appender.list).stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()).toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
