package io.sincro.app.settings;

import java.util.Set;

/** Writes the text of new settings files: the head office's first one, and each agent station's. */
public final class SettingsWriter {

    private SettingsWriter() {
    }

    /** The settings a new head office starts from: the mailbox still to be filled in. */
    public static String headOffice() {
        return """
                # Sincro settings of the head office.
                role=head-office
                # The company database, relative to this file's folder.
                database.path=database
                # The FTP mailbox shared with the agents (it holds the folders SincroAg and SincroSede).
                # ftp.host=ftp.example.com
                # ftp.port=21
                # ftp.directory=/sincro
                # ftp.username=sincro
                # The password: here as ftp.password, in a file named by ftp.passwordFile,
                # or in the environment variable SINCRO_FTP_PASSWORD.
                # ftp.passwordFile=ftp-password.txt
                # ftp.tls=explicit
                # An SFTP server instead (port 22): its host key's fingerprint as ssh-keygen -l prints it.
                # ftp.protocol=sftp
                # ftp.hostKeySha256=SHA256:...
                # Warn when nothing was received for this many days.
                sync.maxAgeDays=3
                """;
    }

    /**
     * An agent station's settings: role agent, its code, its database, and the head office's
     * mailbox settings; the password only when {@code withPassword}.
     */
    public static String agentStation(Settings headOffice, String agentCode, boolean withPassword) {
        StringBuilder text = new StringBuilder();
        text.append("# Sincro settings of agent ").append(agentCode).append("'s station.\n");
        text.append(Settings.ROLE).append("=agent\n");
        text.append(Settings.AGENT_CODE).append('=').append(agentCode).append('\n');
        text.append(Settings.DATABASE_PATH).append("=database\n");
        Set<String> copied = headOffice.keys("ftp.");
        copied.addAll(headOffice.keys("sync."));
        copied.addAll(headOffice.keys("mailbox."));
        copied.add(Settings.CURRENCY);
        for (String key : copied) {
            if (key.equals(Settings.FTP_PASSWORD) || key.equals(Settings.FTP_PASSWORD_FILE)) {
                continue;
            }
            headOffice.optional(key).ifPresent(value -> text.append(key).append('=').append(escape(value)).append('\n'));
        }
        if (withPassword) {
            headOffice.ftpPassword().ifPresent(p -> text.append(Settings.FTP_PASSWORD).append('=').append(escape(p)).append('\n'));
        } else {
            text.append("# The FTP password is not written here: set ftp.password, or ftp.passwordFile,\n");
            text.append("# or the environment variable ").append(Settings.PASSWORD_VARIABLE).append(".\n");
        }
        return text.toString();
    }

    /** Escapes what java.util.Properties would read differently: backslashes and leading spaces. */
    private static String escape(String value) {
        String escaped = value.replace("\\", "\\\\");
        return escaped.startsWith(" ") ? "\\" + escaped : escaped;
    }
}
