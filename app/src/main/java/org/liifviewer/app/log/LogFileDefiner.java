package org.liifviewer.app.log;

import ch.qos.logback.core.PropertyDefinerBase;

/** Gives {@code logback.xml} the {@link LogFile#path() log file}'s path. */
public final class LogFileDefiner extends PropertyDefinerBase {

    @Override
    public String getPropertyValue() {
        return LogFile.path().toString();
    }
}
