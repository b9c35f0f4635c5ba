package io.auditwarehouse.testing;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

import java.util.ArrayList;
import java.util.List;

/**
 * Every log event that carries a throwable (what prints a stack trace on stderr) while it is open: the CLI's own
 * output is only what it writes, but Spark and Hadoop log a failed task's trace through log4j.
 */
public final class LoggedThrowables extends AbstractAppender implements AutoCloseable {

    private final List<String> seen = new ArrayList<>();

    private LoggedThrowables() {
        super("logged-throwables", null, null, true, Property.EMPTY_ARRAY);
    }

    public static LoggedThrowables capture() {
        LoggedThrowables appender = new LoggedThrowables();
        appender.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().addAppender(appender, null, null);
        context.updateLoggers();
        return appender;
    }

    @Override
    public synchronized void append(LogEvent event) {
        if (event.getThrown() != null) {
            seen.add(event.getLevel() + " " + event.getLoggerName() + ": " + event.getMessage().getFormattedMessage()
                    + " / " + event.getThrown());
        }
    }

    public synchronized List<String> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(getName());
        context.updateLoggers();
        stop();
    }
}
