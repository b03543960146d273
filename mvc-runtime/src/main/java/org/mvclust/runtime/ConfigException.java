package org.mvclust.runtime;

/** A method graph, override or option is invalid; the message names the source, the key and valid names. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
