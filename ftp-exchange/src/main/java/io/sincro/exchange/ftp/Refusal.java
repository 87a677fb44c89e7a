package io.sincro.exchange.ftp;

import java.io.IOException;

import org.apache.commons.net.ftp.FTPClient;

import io.sincro.exchange.MailboxException.Step;

/**
 * The server answered a command with a failure reply. It is an {@link IOException} so that it
 * travels with the connection failures through the retry loop, which decides from the reply code
 * whether to try again (4xx) or give up (5xx).
 */
final class Refusal extends IOException {

    private static final long serialVersionUID = 1L;

    private final Step step;
    private final String what;
    private final int code;
    private final String text;
    private final String advice;

    /**
     * @param step   the step that was refused, or null for the step of the whole operation
     * @param what   what was attempted, as the start of a sentence ("upload of X to SincroAg"),
     *               or null for the description of the whole operation
     * @param code   the reply code
     * @param text   the reply text without the code
     * @param advice what the user should do if this is permanent, or null for the general advice
     */
    Refusal(Step step, String what, int code, String text, String advice) {
        super((what == null ? "a command" : what) + " was refused (reply " + code + " " + text + ")");
        this.step = step;
        this.what = what;
        this.code = code;
        this.text = text;
        this.advice = advice;
    }

    /** A refusal built from the client's last reply. */
    static Refusal of(FTPClient client, Step step, String what, String advice) {
        return new Refusal(step, what, client.getReplyCode(), replyText(client), advice);
    }

    /** The last reply's text on one line, without the code and at most 200 characters. */
    static String replyText(FTPClient client) {
        String[] lines = client.getReplyStrings();
        if (lines == null || lines.length == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            String part = line.length() > 4 && Character.isDigit(line.charAt(0)) ? line.substring(4) : line;
            if (!part.isBlank()) {
                if (text.length() > 0) {
                    text.append(' ');
                }
                text.append(part.strip());
            }
        }
        String oneLine = text.toString().replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }

    Step step() {
        return step;
    }

    String what() {
        return what;
    }

    int code() {
        return code;
    }

    /** Code and text, as shown to the user: "550 Permission denied". */
    String reply() {
        return text.isEmpty() ? String.valueOf(code) : code + " " + text;
    }

    String advice() {
        return advice;
    }

    /** 4xx replies are transient by definition (RFC 959): the same command may work later. */
    boolean isTransient() {
        return code >= 400 && code < 500;
    }
}
