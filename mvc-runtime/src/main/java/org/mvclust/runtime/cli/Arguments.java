package org.mvclust.runtime.cli;

/** Checks of the raw arguments, before picocli reads them. */
final class Arguments {
    private Arguments() {
    }

    /**
     * A message when an argument holds bytes that the JVM's file-name charset ({@code sun.jnu.encoding}) could not decode,
     * as happens to non-ASCII paths under {@code LANG=C}; null when all decoded.
     */
    static String undecodable(String charset, String... args) {
        if (charset.toUpperCase(java.util.Locale.ROOT).replace("-", "").equals("UTF8")) {
            return null;
        }
        for (String a : args) {
            if (a.indexOf('\uFFFD') >= 0) {
                return "the argument '" + a.replace('\uFFFD', '?') + "' holds characters that the locale's character set ("
                        + charset + ") cannot represent; run under a UTF-8 locale, e.g. LC_ALL=C.UTF-8 (./mvclust picks one itself)";
            }
        }
        return null;
    }
}
